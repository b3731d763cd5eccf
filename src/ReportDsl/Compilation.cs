using System.Collections.Immutable;
using ReportDsl.Binding;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Text;

namespace ReportDsl;

/// <summary>
/// The compiler's front door: one or more format files in, their diagnostics and a checked semantic model out.
/// Immutable; binding happens once, on first use.
/// </summary>
public sealed class Compilation
{
    private readonly Lazy<(ImmutableArray<FormatSymbol> Formats, ImmutableArray<Diagnostic> Diagnostics)> _bound;

    private Compilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> references)
    {
        SyntaxTrees = trees;
        References = references;
        _bound = new Lazy<(ImmutableArray<FormatSymbol>, ImmutableArray<Diagnostic>)>(BindAll);
    }

    /// <summary>Gets the parsed files.</summary>
    public ImmutableArray<SyntaxTree> SyntaxTrees { get; }

    /// <summary>
    /// Gets files that only resolve <c>extends</c> and <c>revises</c> (such as the bundled formats): their formats are
    /// not part of <see cref="Formats"/> and their diagnostics are not reported.
    /// </summary>
    public ImmutableArray<SyntaxTree> References { get; }

    /// <summary>Gets the formats the files declare, in file order (files without one are left out).</summary>
    public ImmutableArray<FormatSymbol> Formats => _bound.Value.Formats;

    /// <summary>Gets whether any diagnostic is an error; emitters refuse to run when it is.</summary>
    public bool HasErrors => GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Creates a compilation of parsed files.</summary>
    public static Compilation Create(IEnumerable<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        return new Compilation([.. trees], []);
    }

    /// <summary>Creates a compilation of parsed files that may extend or revise formats of the reference files.</summary>
    public static Compilation Create(IEnumerable<SyntaxTree> trees, IEnumerable<SyntaxTree> references)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(references);
        return new Compilation([.. trees], [.. references]);
    }

    /// <summary>Parses and compiles source texts.</summary>
    public static Compilation Create(params SourceText[] sources) => Create(sources.Select(SyntaxTree.Parse));

    /// <summary>Gets every syntax and semantic diagnostic, sorted by file, position, length, code and message.</summary>
    public ImmutableArray<Diagnostic> GetDiagnostics() => _bound.Value.Diagnostics;

    /// <summary>Gets the semantic model: the formats and the diagnostics together.</summary>
    public SemanticModel GetSemanticModel() => new(this);

    private (ImmutableArray<FormatSymbol>, ImmutableArray<Diagnostic>) BindAll()
    {
        var formats = ImmutableArray.CreateBuilder<FormatSymbol>();
        var diagnostics = new List<Diagnostic>();
        var seen = new Dictionary<(string, string), FormatSymbol>();
        var binder = new OrderedBinder(SyntaxTrees, References);
        foreach (var tree in SyntaxTrees)
        {
            diagnostics.AddRange(tree.Diagnostics);
            if (tree.Diagnostics.Any(d => d.Code is "RD2090" or "RD9001"))
            {
                // The text was kept but not parsed: binding its empty tree would only add "no format declaration".
                continue;
            }

            var (format, bindDiagnostics) = binder.Bind(tree);
            diagnostics.AddRange(bindDiagnostics);
            if (format is null)
            {
                continue;
            }

            if (format.Name.Length > 0 && seen.TryGetValue((format.Name, format.Version), out var first))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateFormat(tree.Text, format.NameSpan, format.Name, format.Version, first.Source.Path));
                continue;
            }

            seen[(format.Name, format.Version)] = format;
            if (RuleInstanceLimit(format) is { } tooMany)
            {
                // Over the limit the format keeps its diagnostics but is not offered for validation.
                diagnostics.Add(tooMany);
                continue;
            }

            formats.Add(format);
        }

        diagnostics.Sort();
        return (formats.ToImmutable(), [.. diagnostics]);
    }

    // Counted from the quantifiers, without expanding: each rule holds once per combination of its quantified items.
    private static Diagnostic? RuleInstanceLimit(FormatSymbol format)
    {
        var rules = format.Rules.Select(r => (Rule: r, Instances: r.Scopes.Sum(s => s.Quantifiers.Aggregate(1L, (product, q) => product * q.Items.Length)))).ToList();
        var total = rules.Sum(r => r.Instances);
        if (total <= DiagnosticCatalog.MaxRuleInstances)
        {
            return null;
        }

        var sum = 0L;
        var culprit = rules.First(r => (sum += r.Instances) > DiagnosticCatalog.MaxRuleInstances).Rule;
        return DiagnosticCatalog.TooManyRuleInstances(culprit.Source, culprit.NameSpan, format.Name, total);
    }
}
