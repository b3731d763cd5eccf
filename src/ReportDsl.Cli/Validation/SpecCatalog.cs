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

    /// <summary>Gets the folder of formats bundled with the tool.</summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "formats", "gov-info-disclosure");

    /// <summary>Loads and compiles specs; prints their diagnostics and returns null when they have errors.</summary>
    public static SpecCatalog? Load(string? spec, CliContext context)
    {
        var path = spec ?? BundledFolder;
        var files = SpecFiles.Expand([path], context);
        if (files is null || files.Count == 0)
        {
            if (files is not null)
            {
                context.Error.WriteLine($"{path}: error: No .rdsl files found.");
            }

            return null;
        }

        var sources = new List<Text.SourceText>();
        foreach (var file in files)
        {
            if (SpecFiles.Read(file, context) is not { } source)
            {
                return null;
            }

            sources.Add(source);
        }

        var compilation = SpecFiles.Compile(sources);
        if (compilation.HasErrors)
        {
            foreach (var diagnostic in compilation.GetDiagnostics())
            {
                context.Error.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
            }

            context.Error.WriteLine($"{path}: error: The spec has errors; fix them before validating reports.");
            return null;
        }

        return new SpecCatalog(compilation, spec ?? "the bundled formats");
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
