using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReportDsl.Emit;
using CoreSeverity = ReportDsl.Diagnostics.DiagnosticSeverity;
using CoreSourceText = ReportDsl.Text.SourceText;

namespace ReportDsl.Generators;

/// <summary>
/// Generates, for every ReportDsl spec (<c>.rdsl</c>) among a project's additional files, the typed <c>Report</c>,
/// <c>Finding</c> and <c>Validator</c> that <c>reportdsl emit csharp</c> writes, and reports the spec's diagnostics as
/// compiler diagnostics at their place in the spec.
/// </summary>
/// <remarks>
/// Each spec is compiled on its own and cached by its path, text and namespace: editing one spec compiles only that
/// one again, and an edit to C# code compiles none.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ReportDslGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the step that reads each spec and its namespace.</summary>
    public const string ReadStep = "ReportDsl.Read";

    /// <summary>The tracking name of the step that compiles each spec and emits its C#.</summary>
    public const string CompileStep = "ReportDsl.Compile";

    /// <summary>The item metadata (of <c>AdditionalFiles</c>) that names the namespace of a spec's generated code.</summary>
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.ReportDslNamespace";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".rdsl", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(ReadStep);
        // Each spec gets, from all of them, only the ones it builds on; an edit elsewhere leaves its input equal, so
        // the compile step below stays cached for it.
        var outputs = specs
            .Combine(specs.Collect())
            .Select(static (pair, _) => WithReferences(pair.Left, pair.Right))
            .Select(static (spec, _) => Compile(spec))
            .WithTrackingName(CompileStep);
        context.RegisterSourceOutput(outputs.Collect(), static (production, all) => Produce(production, all));
    }

    private static SpecInput Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var @namespace = options.GetOptions(file).TryGetValue(NamespaceMetadata, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new SpecInput(file.Path, text, @namespace);
    }

    /// <summary>The specs among <paramref name="all"/> that <paramref name="spec"/> extends or revises, followed to the root.</summary>
    internal static SpecInput WithReferences(SpecInput spec, ImmutableArray<SpecInput> all)
    {
        var references = new List<SpecReference>();
        var next = Header.Match(spec.Text);
        while (next.Success && next.Groups["base"].Success && references.Count < all.Length)
        {
            var name = next.Groups["baseName"].Value;
            var version = next.Groups["baseVersion"].Value.Trim('"');
            var found = all.FirstOrDefault(other => Header.Match(other.Text) is { Success: true } header
                && header.Groups["name"].Value == name && header.Groups["version"].Value.Trim('"') == version);
            if (found is null || found.Path == spec.Path || references.Any(r => r.Path == found.Path))
            {
                break;
            }

            references.Add(new SpecReference(found.Path, found.Text));
            next = Header.Match(found.Text);
        }

        return spec with { References = new([.. references]) };
    }

    // The format header: "format NAME version V [extends|revises NAME V]"; comments before it are skipped by the search.
    private static readonly System.Text.RegularExpressions.Regex Header = new(
        @"^\s*format\s+(?<name>\w+)\s+version\s+(?<version>""[^""]*""|[^\s{]+)(?<base>\s+(?:extends|revises)\s+(?<baseName>\w+)\s+(?<baseVersion>""[^""]*""|[^\s{]+))?",
        System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Compiles one spec and emits its C#, or returns its diagnostics when it has errors.</summary>
    internal static SpecOutput Compile(SpecInput spec)
    {
        var source = CoreSourceText.From(spec.Text, spec.Path);
        var compilation = ReportDsl.Compilation.Create(
            [ReportDsl.Syntax.SyntaxTree.Parse(source)],
            spec.References.Select(r => ReportDsl.Syntax.SyntaxTree.Parse(CoreSourceText.From(r.Text, r.Path))));
        var diagnostics = compilation.GetDiagnostics().Select(DiagnosticInfo.From).ToList();
        var format = compilation.Formats.FirstOrDefault();
        if (compilation.HasErrors || format is null)
        {
            return new SpecOutput(spec.Path, null, null, Equatable(diagnostics));
        }

        var @namespace = spec.Namespace ?? CSharpEmitter.NamespaceFor(format);
        if (!CSharpEmitter.IsValidNamespace(@namespace))
        {
            diagnostics.Add(DiagnosticInfo.From(ReportDsl.Diagnostics.DiagnosticCatalog.InvalidGeneratedNamespace(source, @namespace)));
            return new SpecOutput(spec.Path, null, null, Equatable(diagnostics));
        }

        return new SpecOutput(spec.Path, @namespace, CSharpEmitter.Emit(format, @namespace), Equatable(diagnostics));
    }

    private static void Produce(SourceProductionContext production, ImmutableArray<SpecOutput> outputs)
    {
        // Paths in ordinal order, so that which of two specs is told it clashes does not depend on the build's file order.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in outputs.OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            foreach (var diagnostic in output.Diagnostics)
            {
                production.ReportDiagnostic(ToRoslyn(diagnostic));
            }

            if (output.Source is null || output.Namespace is null)
            {
                continue;
            }

            if (owners.TryGetValue(output.Namespace, out var first))
            {
                var clash = ReportDsl.Diagnostics.DiagnosticCatalog.DuplicateGeneratedNamespace(CoreSourceText.From(string.Empty, output.Path), output.Namespace, first);
                production.ReportDiagnostic(ToRoslyn(DiagnosticInfo.From(clash)));
                continue;
            }

            owners.Add(output.Namespace, output.Path);
            production.AddSource(output.Namespace + ".g.cs", SourceText.From(output.Source, System.Text.Encoding.UTF8));
        }
    }

    private static Diagnostic ToRoslyn(DiagnosticInfo info)
    {
        var severity = info.Severity switch
        {
            CoreSeverity.Error => DiagnosticSeverity.Error,
            CoreSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        var descriptor = new DiagnosticDescriptor(info.Code, info.Name, "{0}", "ReportDsl", severity, isEnabledByDefault: true);
        var location = Location.Create(
            info.Path,
            new TextSpan(info.Start, info.Length),
            new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn)));
        return Diagnostic.Create(descriptor, location, new BilingualMessage(info.English, info.Chinese));
    }

    private static EquatableArray<DiagnosticInfo> Equatable(List<DiagnosticInfo> diagnostics) => new([.. diagnostics]);
}
