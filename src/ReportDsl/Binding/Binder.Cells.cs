using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

// Cell types and their options, presence, and the rules a group with values or a subtotal implies.
internal sealed partial class Binder
{
    private static Presence PresenceOf(HashSet<SyntaxKind> modifiers) =>
        modifiers.Contains(SyntaxKind.RequiredKeyword) ? Presence.Required
        : modifiers.Contains(SyntaxKind.OptionalKeyword) ? Presence.Optional
        : Presence.Unspecified;

    // Optional wins: a cell of an optional row, column, table or section may be left blank. Required comes from the
    // row or the column only: a required table or section must have values, not every one of its cells.
    private static Presence CellPresence(TableSymbol table, AxisItemSymbol row, AxisItemSymbol column)
    {
        if (row.Presence == Presence.Optional || column.Presence == Presence.Optional || table.Presence == Presence.Optional || table.Section is { IsRequired: false })
        {
            return Presence.Optional;
        }

        return row.Presence == Presence.Required || column.Presence == Presence.Required ? Presence.Required : Presence.Unspecified;
    }

    private CellType BindCellType(CellTypeSyntax syntax)
    {
        var type = syntax.Keyword.Kind switch
        {
            SyntaxKind.IntegerKeyword => CellType.Integer,
            SyntaxKind.TextKeyword => CellType.Text,
            SyntaxKind.DateKeyword => new CellType(CellTypeKind.Date),
            SyntaxKind.BooleanKeyword => new CellType(CellTypeKind.Boolean),
            SyntaxKind.EnumKeyword => new CellType(CellTypeKind.Enum) { Words = BindWords(syntax) },
            SyntaxKind.AmountKeyword => new CellType(CellTypeKind.Amount, syntax.Unit is { IsMissing: false } u && u.ValueText.Length > 0 ? u.ValueText : null, BindPrecision(syntax, required: true)),
            SyntaxKind.PercentKeyword => new CellType(CellTypeKind.Percent, null, BindPrecision(syntax, required: false)),
            _ => CellType.Count,
        };

        var seen = new HashSet<SyntaxKind>();
        TypeOptionSyntax? defaultOption = null;
        foreach (var option in syntax.Options ?? new SyntaxList<TypeOptionSyntax>([]))
        {
            if (option.Operands.Any(o => o.IsMissing))
            {
                continue;
            }

            if (!seen.Add(option.Keyword.Kind))
            {
                Report(DiagnosticCatalog.DuplicateTypeOption(_source, option.Keyword.Span, option.Keyword.Text));
                continue;
            }

            switch (option.Keyword.Kind)
            {
                case SyntaxKind.RangeKeyword:
                    type = BindRange(type, option);
                    break;
                case SyntaxKind.PatternKeyword:
                    if (type.Kind != CellTypeKind.Text)
                    {
                        Report(DiagnosticCatalog.OptionNotForType(_source, option.Span, "pattern", type.ToString()));
                    }
                    else if (ValueFacts.PatternError(option.Operands[0].ValueText) is { } error)
                    {
                        Report(DiagnosticCatalog.InvalidPattern(_source, option.Operands[0].Span, option.Operands[0].ValueText, error));
                    }
                    else
                    {
                        type = type with { Pattern = option.Operands[0].ValueText };
                    }

                    break;
                default:
                    defaultOption = option;
                    break;
            }
        }

        // The default is checked last, against the range and pattern whatever order they were written in.
        if (defaultOption is not null)
        {
            var text = OptionValue(defaultOption.Operands);
            if (DefaultFits(type, text))
            {
                type = type with { Default = text };
            }
            else
            {
                Report(DiagnosticCatalog.DefaultNotOfType(_source, defaultOption.Span, text, type.ToString()));
            }
        }

        return type;
    }

    private int BindPrecision(CellTypeSyntax syntax, bool required)
    {
        if (syntax.Precision is null)
        {
            if (required)
            {
                Report(DiagnosticCatalog.MissingPrecision(_source, syntax.Keyword.Span));
            }

            return 2;
        }

        if (syntax.Precision.Value is long value and >= 0 and <= 18)
        {
            return (int)value;
        }

        if (!syntax.Precision.IsMissing)
        {
            Report(DiagnosticCatalog.PrecisionOutOfRange(_source, syntax.Precision.Span, syntax.Precision.Text));
        }

        return 2;
    }

    private ImmutableArray<string> BindWords(CellTypeSyntax syntax)
    {
        var words = new List<string>();
        foreach (var word in syntax.EnumWords)
        {
            if (word.IsMissing)
            {
                continue;
            }

            if (words.Contains(word.ValueText) || word.ValueText.Trim().Length == 0)
            {
                Report(DiagnosticCatalog.InvalidEnumWord(_source, word.Span, word.ValueText));
                continue;
            }

            words.Add(word.ValueText);
        }

        return [.. words];
    }

    private CellType BindRange(CellType type, TypeOptionSyntax option)
    {
        if (!type.IsNumeric)
        {
            Report(DiagnosticCatalog.OptionNotForType(_source, option.Span, "range", type.ToString()));
            return type;
        }

        var operands = option.Operands.ToList();
        var dots = operands.FindIndex(o => o.Kind == SyntaxKind.DotDotToken);
        var low = dots > 0 ? OptionValue(operands.Take(dots)) : null;
        var high = dots >= 0 && dots < operands.Count - 1 ? OptionValue(operands.Skip(dots + 1)) : null;
        decimal? min = null;
        decimal? max = null;
        if ((low is not null && !TryNumber(low, out min)) || (high is not null && !TryNumber(high, out max)) || (low is null && high is null) || min > max)
        {
            Report(DiagnosticCatalog.InvalidRange(_source, option.Span, string.Concat(operands.Select(o => o.Text))));
            return type;
        }

        return type with { Minimum = min, Maximum = max };
    }

    private static bool TryNumber(string text, out decimal? number)
    {
        var ok = decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value);
        number = ok ? value : null;
        return ok;
    }

    // A value is a sign and a number, a string (its text) or a word.
    private static string OptionValue(IEnumerable<SyntaxToken> tokens) =>
        string.Concat(tokens.Select(t => t.Kind == SyntaxKind.StringToken ? t.ValueText : t.Text));

    private static bool DefaultFits(CellType type, string text)
    {
        if (type.IsNumeric)
        {
            if (!TryNumber(text, out var value) || value is not { } number || !ValueFacts.InRange(type, number))
            {
                return false;
            }

            return type.Kind switch
            {
                CellTypeKind.Count => number >= 0 && number == decimal.Truncate(number),
                CellTypeKind.Integer => number == decimal.Truncate(number),
                _ => ((decimal.GetBits(number / 1.0000000000000000000000000000m)[3] >> 16) & 0xFF) <= type.Precision,
            };
        }

        return type.Kind switch
        {
            CellTypeKind.Date => ValueFacts.IsDate(text),
            CellTypeKind.Boolean => ValueFacts.Boolean(text) is not null,
            CellTypeKind.Enum => type.Words.Contains(text),
            _ => type.Pattern is null || ValueFacts.Matches(type.Pattern, text),
        };
    }

    /// <summary>
    /// Adds the rules that groups with values and subtotals state: at each column (or row) whose cells add up, the
    /// group's value equals the sum of its parts (exhaustive) or is at least that sum (nonexhaustive, 其中), and a
    /// subtotal equals the sum of its siblings.
    /// </summary>
    private void AddImpliedRules(FormatSymbol format)
    {
        foreach (var table in format.Tables)
        {
            var implied = new List<RuleSymbol>();
            foreach (var axis in new[] { Axis.Row, Axis.Column })
            {
                AddImplied(table, axis, table.ItemsOf(axis), implied);
            }

            if (implied.Count > 0)
            {
                table.Rules = table.Rules.AddRange(implied);
            }
        }
    }

    private void AddImplied(TableSymbol table, Axis axis, ImmutableArray<AxisItemSymbol> siblings, List<RuleSymbol> implied)
    {
        foreach (var item in siblings)
        {
            if (item.Relation != GroupRelation.None || item.IsSubtotal)
            {
                var parts = item.Parts(siblings).ToImmutableArray();
                if (parts.IsEmpty)
                {
                    Report(DiagnosticCatalog.NothingToAddUp(item.Source, item.NameSpan, item.Path));
                }
                else if (ImpliedRule(table, axis, item, parts) is { } rule)
                {
                    implied.Add(rule);
                }
            }

            AddImplied(table, axis, item.Children, implied);
        }
    }

    private static RuleSymbol? ImpliedRule(TableSymbol table, Axis axis, AxisItemSymbol item, ImmutableArray<AxisItemSymbol> parts)
    {
        // Only where the cells add up: percents and values without arithmetic have no total.
        var across = axis == Axis.Row ? table.ValueColumns : table.ValueRows;
        var additive = across.Where(other => Cell(other) is { Type.IsAdditive: true } cell
            && parts.All(p => axis == Axis.Row ? table.GetCell(p, other) is null or { Type.IsAdditive: true } : table.GetCell(other, p) is null or { Type.IsAdditive: true })).ToImmutableArray();
        if (additive.IsEmpty)
        {
            return null;
        }

        var type = ExpressionType.Of(Cell(additive[0])?.Type ?? CellType.Count);
        var precision = additive.Select(Cell).Max(c => c?.Type.Precision ?? 0);
        decimal? tolerance = type.Kind == ValueKind.Amount ? Unit(precision) : null;
        ImmutableArray<AxisItemSymbol> own = [item];
        var left = axis == Axis.Row
            ? new BoundCells(table, own, null, false, false, type)
            : new BoundCells(table, null, own, false, false, type);
        var right = axis == Axis.Row
            ? new BoundCells(table, parts, null, false, true, type)
            : new BoundCells(table, null, parts, false, true, type);
        var exhaustive = item.Relation != GroupRelation.Nonexhaustive;
        var label = item.Label.Length > 0 ? item.Label : item.Path;
        var descriptor = item.IsSubtotal ? DiagnosticCatalog.RD3180 : exhaustive ? DiagnosticCatalog.RD3178 : DiagnosticCatalog.RD3179;
        var message = item.IsSubtotal ? $"“{label}”应等于同组各项之和。" : exhaustive ? $"“{label}”应等于其中各项之和。" : $"“{label}”不应小于其中各项之和。";
        var quantifier = new QuantifierSymbol(axis == Axis.Row ? Axis.Column : Axis.Row, null, additive);
        return new RuleSymbol(descriptor.Code, item.Source, item.NameSpan, table, RuleSeverity.Error, message, tolerance, [quantifier], left, exhaustive ? ComparisonOperator.Equal : ComparisonOperator.GreaterThanOrEqual, right)
        {
            IsImplied = true,
        };

        CellSymbol? Cell(AxisItemSymbol other) => axis == Axis.Row ? table.GetCell(item, other) : table.GetCell(other, item);
    }

    // One unit of the last decimal: what rounding each part to the precision may leave between a total and its parts.
    private static decimal Unit(int precision)
    {
        var unit = 1m;
        for (var i = 0; i < precision; i++)
        {
            unit /= 10;
        }

        return unit;
    }
}
