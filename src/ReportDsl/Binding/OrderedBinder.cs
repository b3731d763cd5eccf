using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

/// <summary>
/// Binds the files of a compilation so that a format is bound after the earlier format it extends or revises, each
/// once. The earlier format is looked up among the compiled files first, then among the references.
/// </summary>
internal sealed class OrderedBinder
{
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<SyntaxTree> _references;
    private readonly Dictionary<SyntaxTree, (FormatSymbol? Format, ImmutableArray<Diagnostic> Diagnostics, EffectiveSpec? Effective)> _done = [];
    private readonly HashSet<SyntaxTree> _inProgress = [];

    public OrderedBinder(ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> references)
    {
        _trees = trees;
        _references = references;
    }

    public (FormatSymbol? Format, ImmutableArray<Diagnostic> Diagnostics) Bind(SyntaxTree tree)
    {
        var (format, diagnostics, _) = BindOnce(tree);
        return (format, diagnostics);
    }

    private (FormatSymbol? Format, ImmutableArray<Diagnostic> Diagnostics, EffectiveSpec? Effective) BindOnce(SyntaxTree tree)
    {
        if (_done.TryGetValue(tree, out var done))
        {
            return done;
        }

        _inProgress.Add(tree);
        var cycle = ImmutableArray<Diagnostic>.Empty;
        var result = Binder.Bind(tree, (name, version) =>
        {
            if (Find(name, version) is not { } earlier)
            {
                return null;
            }

            if (_inProgress.Contains(earlier))
            {
                var header = tree.Root.Declarations.OfType<FormatDeclarationSyntax>().First();
                cycle = [DiagnosticCatalog.ExtendsCycle(tree.Text, header.Relation?.Span ?? header.Name.Span, header.Name.Text, header.Version.ValueText)];
                return null;
            }

            var (format, _, effective) = BindOnce(earlier);
            return format is null || effective is null ? null : new BoundSpec(format, effective);
        });
        _inProgress.Remove(tree);

        // A cycle is reported instead of the "unknown format" the binder would otherwise say.
        if (!cycle.IsEmpty)
        {
            result = (result.Format, [.. cycle, .. result.Diagnostics.Where(d => d.Code is not ("RD2100" or "RD2114"))], result.Effective);
        }

        _done[tree] = result;
        return result;
    }

    private SyntaxTree? Find(string name, string version) =>
        _trees.Concat(_references).FirstOrDefault(t =>
            t.Root.Declarations.OfType<FormatDeclarationSyntax>().FirstOrDefault() is { } header
            && header.Name.Text == name && !header.Version.IsMissing && header.Version.ValueText == version);
}
