using System.Collections.Concurrent;
using System.Globalization;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>The specs a validate run uses: compiled once, with a validator per format compiled on first use.</summary>
internal sealed class SpecCatalog
{
    private readonly ConcurrentDictionary<(string, string), Lazy<Validator>> _validators = new();

    private SpecCatalog(Compilation compilation, string description)
    {
        Compilation = compilation;
        Description = description;
    }

    public Compilation Compilation { get; }

    /// <summary>Gets how the specs were chosen, for messages: a file or folder path.</summary>
    public string Description { get; }

    /// <summary>Gets the folder of formats bundled with the tool: a folder per family (gov-info-disclosure, dept-final-accounts).</summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "formats");

    /// <summary>Loads and compiles specs; prints their diagnostics and returns null when a file cannot be read or has errors.</summary>
    public static SpecCatalog? Load(string? spec, CliContext context)
    {
        var path = spec ?? BundledFolder;

        // The spec is a file or folder, never standard input: "-" is for the data.
        var items = new Files.InputWalker(context.Inputs, p => p.EndsWith(SpecFiles.Extension, StringComparison.Ordinal), Messages.Get("Spec_Files")).Walk([path]);
        var sources = new List<Text.SourceText>();
        var ok = items.Count > 0;
        foreach (var item in items)
        {
            var problem = item.Problem;
            if (problem is null && SpecFiles.Read(item.Path, context, out problem) is { } source)
            {
                sources.Add(source);
            }

            if (problem is not null)
            {
                // A format left out would change which format data is checked against, so any problem stops the run.
                context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
                ok &= !problem.IsError;
            }
        }

        if (!ok || sources.Count == 0)
        {
            return null;
        }

        var compilation = SpecFiles.Compile(sources);
        if (compilation.HasErrors)
        {
            foreach (var diagnostic in compilation.GetDiagnostics())
            {
                context.Error.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
            }

            context.Error.WriteLine(Messages.Format("Spec_HasErrors", path));
            return null;
        }

        return new SpecCatalog(compilation, spec ?? Messages.Get("Spec_Bundled"));
    }

    public Validator? Find(string name, string version)
    {
        if (Compilation.Formats.FirstOrDefault(f => f.Name == name && f.Version == version) is not { } format)
        {
            return null;
        }

        return _validators.GetOrAdd((name, version), _ => new Lazy<Validator>(() => Validator.Create(format))).Value;
    }

    /// <summary>Gets a validator for every format, for documents whose format must be detected.</summary>
    public IReadOnlyList<Validator> All() => [.. Compilation.Formats.Select(f => Find(f.Name, f.Version)).OfType<Validator>()];

    public Validator? FindByFormat(FormatSymbol format) => Find(format.Name, format.Version);
}
