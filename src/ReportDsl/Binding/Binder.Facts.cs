using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

internal sealed partial class Binder
{
    /// <summary>The label of the one column of a section's facts, as findings show it.</summary>
    internal const string FactColumnLabel = "正文";

    /// <summary>
    /// Binds the facts a section's text states. Each becomes a cell of a table that stands for the section (one row per
    /// fact, one column for the text), so that rules, the validator and the emitted code treat it as any cell; the
    /// table is not among the format's tables.
    /// </summary>
    private ImmutableArray<FactSymbol> BindFacts(SectionSymbol section, SectionDeclarationSyntax syntax)
    {
        if (syntax.Facts is not { Count: > 0 } facts)
        {
            return [];
        }

        var column = new AxisItemSymbol("text", _source, section.NameSpan, Axis.Column, FactColumnLabel, [], isGroup: false, isHeader: false, isUnlabeled: false, declaredType: null, parent: null);
        var table = new TableSymbol(section.Name, _source, section.NameSpan, section.Label, section.Aliases)
        {
            Section = section,
            Columns = [column],
            ValueColumns = [column],
        };
        var result = new List<FactSymbol>();
        foreach (var fact in facts)
        {
            if (fact.Name.IsMissing || ContainsSyntaxError(fact))
            {
                continue;
            }

            var modifiers = BindModifiers(fact.Modifiers, [SyntaxKind.RequiredKeyword, SyntaxKind.OptionalKeyword], "On_Fact");
            var type = BindCellType(fact.Type);
            if (type.Kind == CellTypeKind.Text)
            {
                Report(DiagnosticCatalog.FactOfTextType(_source, fact.Type.Span, fact.Name.Text));
                continue;
            }

            var pattern = fact.Pattern.ValueText;
            var placeholders = FactPattern.CountPlaceholders(pattern);
            if (placeholders != 1)
            {
                Report(DiagnosticCatalog.FactPatternPlaceholder(_source, fact.Pattern.Span, fact.Name.Text, placeholders));
                continue;
            }

            if (PatternProblem(FactPattern.Expand(pattern, type)) is { } problem)
            {
                Report(DiagnosticCatalog.InvalidFactPattern(_source, fact.Pattern.Span, fact.Name.Text, problem));
                continue;
            }

            result.Add(new FactSymbol(fact.Name.Text, _source, fact.Name.Span, section, fact.Labels.Label.ValueText, Aliases(fact.Labels), modifiers.Contains(SyntaxKind.RequiredKeyword), type, pattern, table));
        }

        CheckUniqueNames(result.Select(f => (f.Name, f.NameSpan)), new LocalizableText("Scope_Section"));
        table.Rows = [.. result.Select(f => f.Cell.Row)];
        table.ValueRows = table.Rows;
        table.Cells = [.. result.Select(f => f.Cell)];
        return [.. result];
    }

    /// <summary>Why a fact's regular expression cannot be used, or null when it can.</summary>
    private static object? PatternProblem(string expression)
    {
        try
        {
            _ = new Regex(expression, RegexOptions.CultureInvariant);
#if NET
            // Facts are matched in linear time, whatever the text; the engine that guarantees it refuses some constructs.
            _ = new Regex(expression, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
#endif
            return null;
        }
#if NET
        catch (RegexParseException exception)
        {
            // The offset would count in the expanded expression, not in what the author wrote: the error says enough.
            return exception.Error.ToString();
        }
#endif
        catch (ArgumentException exception)
        {
            return exception.Message.TrimEnd('.');
        }
        catch (NotSupportedException exception)
        {
            // "… not supported in conjunction with expressions containing: 'lookarounds'." names the construct last.
            var at = exception.Message.LastIndexOf(':');
            return new LocalizableText("FactPattern_Uses", (at < 0 ? exception.Message : exception.Message[(at + 1)..]).Trim().TrimEnd('.'));
        }
    }

    /// <summary>Finds the fact a reference <c>section.fact</c> names, or null when it names none.</summary>
    private FactSymbol? FindFact(IReadOnlyList<SyntaxToken> names) =>
        names.Count == 2 && _facts.TryGetValue((names[0].Text, names[1].Text), out var fact) ? fact : null;
}
