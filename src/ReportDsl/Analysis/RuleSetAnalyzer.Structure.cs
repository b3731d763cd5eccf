using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Analysis;

/// <summary>A rule instance that defines a total: <c>total = part + part + …</c>, every coefficient 1, no constant.</summary>
internal sealed record TotalDefinition(LinearRule Rule, CellSymbol Total, ImmutableArray<CellSymbol> Parts);

/// <summary>What the table structure and the rules that define totals say: the order of instances, double counting, unconstrained cells.</summary>
internal sealed partial class AnalysisRun
{
    private const int MaxCellsListed = 12;

    private static readonly string[] TotalWords = ["总计", "合计", "小计"];

    private void FindTotals()
    {
        foreach (var rule in _readings.Where(r => r.Skipped is null).SelectMany(r => r.Instances).Where(r => r.Relation == Relation.Equal))
        {
            if ((DefinitionOf(rule, rule.Instance.Left, rule.Instance.Right) ?? DefinitionOf(rule, rule.Instance.Right, rule.Instance.Left)) is { } definition)
            {
                if (!_totals.TryGetValue(definition.Total, out var list))
                {
                    _totals[definition.Total] = list = [];
                }

                list.Add(definition);
            }
        }

        static TotalDefinition? DefinitionOf(LinearRule rule, LinearCombination total, LinearCombination parts) =>
            total is { Terms: [{ Coefficient: 1, IsPrevious: false } single], Constant: 0 }
            && parts.Constant == 0 && parts.Terms.Length >= 2 && parts.Terms.All(t => t is { Coefficient: 1, IsPrevious: false } && t.Cell != single.Cell)
                ? new TotalDefinition(rule, single.Cell, [.. parts.Terms.Select(t => t.Cell)])
                : null;
    }

    // The order in which instances are taken as fundamental: first those not over totals; then those over totals that
    // define a total; then the other rules over totals. A rule is over totals when every cell it names is a total that
    // another rule defines, so that what follows from the rest is named at the totals (the 总计 column's 勾稽关系 follows
    // from the other columns' and the row totals), not at an arbitrary part.
    private int Priority(LinearRule rule)
    {
        var terms = rule.Instance.Left.Terms.Concat(rule.Instance.Right.Terms).ToList();
        var overTotals = terms.Count > 0 && terms.All(t => !t.IsPrevious && _totals.TryGetValue(t.Cell, out var list) && list.Any(d => d.Rule.Rule != rule.Rule));
        if (!overTotals)
        {
            return 0;
        }

        return _totals.Values.Any(list => list.Any(d => d.Rule == rule)) ? 1 : 2;
    }

    // A sum that adds a total together with cells that total is made of, both with the same sign once like terms are
    // merged (so "sum(g) - g.total" is fine). A total is what a rule defines, or, failing a rule, an item labelled 总计,
    // 合计 or 小计 among other items of the sum.
    private void FindDoubleCounting()
    {
        foreach (var reading in _readings.Where(r => r.Skipped is null or SkipReason.NotEqual))
        {
            var rule = reading.Rule;
            foreach (var (sum, side) in Sums(rule.Left, true).Concat(Sums(rule.Right, false)))
            {
                var byDefinition = new List<(LinearRule Instance, TotalDefinition Definition, List<CellSymbol> Parts)>();
                var byLabel = new List<(LinearRule Instance, CellSymbol Cell)>();
                foreach (var instance in reading.Instances)
                {
                    var merged = side ? instance.Instance.Left : instance.Instance.Right;
                    var order = LinearCombination.From(sum, rule.Table, instance.Instance.Row, instance.Instance.Column).Terms
                        .Where(t => !t.IsPrevious).Select(t => t.Cell).Distinct().ToList();
                    var summed = order.ToHashSet();
                    var signs = merged.Terms.Where(t => !t.IsPrevious).ToDictionary(t => t.Cell, t => Math.Sign(t.Coefficient));
                    foreach (var cell in order.Where(signs.ContainsKey))
                    {
                        var definitions = _totals.GetValueOrDefault(cell)?.Where(d => d.Rule != instance).ToList() ?? [];
                        var hit = definitions
                            .Select(d => (Definition: d, Parts: d.Parts.Where(p => summed.Contains(p) && signs.GetValueOrDefault(p) == signs[cell]).ToList()))
                            .FirstOrDefault(h => h.Parts.Count > 0);
                        if (hit.Definition is { } definition)
                        {
                            byDefinition.Add((instance, definition, hit.Parts));
                        }
                        else if (definitions.Count == 0 && IsTotalByLabel(cell, summed, sum))
                        {
                            byLabel.Add((instance, cell));
                        }
                    }
                }

                var text = SumText(sum, rule.Table);
                if (byDefinition.Count > 0)
                {
                    var (instance, definition, parts) = byDefinition[0];
                    var instances = byDefinition.Select(h => h.Instance).Distinct().ToList();
                    Add(DiagnosticCatalog.SumCountsTotalTwice(rule.Source, rule.NameSpan, Describe(instances), text, definition.Total.Id, definition.Rule.Name, CellList([.. parts.Select(p => p.Id)])),
                        instances.Select(i => new InvolvedRule(rule, i.Name, RuleRole.Subject)).Append(new InvolvedRule(definition.Rule.Rule, definition.Rule.Name, RuleRole.Definition)),
                        parts.Prepend(definition.Total));
                }

                if (byLabel.Count > 0)
                {
                    var cell = byLabel[0].Cell;
                    var item = AxisOfSum(sum) == Axis.Row ? cell.Row : cell.Column;
                    var instances = byLabel.Select(h => h.Instance).Distinct().ToList();
                    Add(DiagnosticCatalog.SumIncludesTotalItem(rule.Source, rule.NameSpan, Describe(instances), text, item.Path, item.Label),
                        instances.Select(i => new InvolvedRule(rule, i.Name, RuleRole.Subject)),
                        byLabel.Select(h => h.Cell).Distinct());
                }
            }
        }
    }

    private static bool IsTotalByLabel(CellSymbol cell, HashSet<CellSymbol> summed, BoundCells sum)
    {
        var item = AxisOfSum(sum) == Axis.Row ? cell.Row : cell.Column;
        var looksLikeTotal = item.Name is "total" or "subtotal" || TotalWords.Any(w => item.Label.Contains(w, StringComparison.Ordinal));
        return looksLikeTotal && summed.Any(c => c != cell && (AxisOfSum(sum) == Axis.Row ? c.Column == cell.Column : c.Row == cell.Row));
    }

    // The sums of an expression, each with the side of the comparison it is on.
    private static IEnumerable<(BoundCells Sum, bool Left)> Sums(BoundExpression expression, bool left) => expression switch
    {
        BoundCells { IsSum: true } cells => [(cells, left)],
        BoundAmountConversion conversion => Sums(conversion.Operand, left),
        BoundAdditive additive => additive.Terms.SelectMany(t => Sums(t.Operand, left)),
        _ => [],
    };

    private static Axis AxisOfSum(BoundCells sum) => sum.Rows is { Length: > 1 } || sum.Columns is null ? Axis.Row : Axis.Column;

    // sum(results) as the spec would write it: the group that holds every summed item, on each axis that is fixed.
    private static string SumText(BoundCells sum, TableSymbol ruleTable)
    {
        var prefix = ReferenceEquals(sum.Table, ruleTable) ? string.Empty : sum.Table.Name + ".";
        var rows = sum.Rows is { } r ? Common(r) : null;
        var columns = sum.Columns is { } c ? Common(c) : null;
        var reference = (rows, columns) switch
        {
            ({ } row, { } column) => $"{row}[{column}]",
            ({ } row, null) => row,
            (null, { } column) => column,
            _ => string.Empty,
        };
        return $"sum({prefix}{reference})";

        static string Common(ImmutableArray<AxisItemSymbol> items)
        {
            if (items.Length == 1)
            {
                return items[0].Path;
            }

            var ancestor = items[0].Parent;
            while (ancestor is not null && !items.All(i => i.Path.StartsWith(ancestor.Path + ".", StringComparison.Ordinal)))
            {
                ancestor = ancestor.Parent;
            }

            return ancestor?.Path ?? string.Join(" + ", items.Select(i => i.Path));
        }
    }

    private void FindUnconstrainedCells()
    {
        var constrained = _format.Rules.SelectMany(LinearRuleReader.CellsOf).ToHashSet();
        foreach (var table in _format.Tables)
        {
            var free = table.Cells.Where(c => c.Type.Kind != CellTypeKind.Text && !constrained.Contains(c)).ToList();
            if (free.Count > 0)
            {
                Add(DiagnosticCatalog.UnconstrainedCells(table.Source, table.NameSpan, free.Count, table.Name, CellList([.. free.Select(c => c.Id)])), [], free);
            }
        }
    }

    // GK001[column=natural, business]; GK002[row=*]: instances grouped by rule, "*" for every instance of the rule.
    private string Describe(IEnumerable<LinearRule> instances)
    {
        var groups = instances.GroupBy(i => i.Rule).OrderBy(g => g.Min(i => i.Index));
        return string.Join("; ", groups.Select(g =>
        {
            var list = g.OrderBy(i => i.Index).ToList();
            var rule = g.Key;
            var axes = new[] { list[0].Instance.Row is null ? null : "row", list[0].Instance.Column is null ? null : "column" }.OfType<string>().ToList();
            if (axes.Count == 0)
            {
                return rule.Code;
            }

            if (list.Count == _instanceCounts.GetValueOrDefault(rule) && list.Count > 1)
            {
                return $"{rule.Code}[{string.Join(", ", axes.Select(a => a + "=*"))}]";
            }

            if (axes.Count == 2)
            {
                return string.Join(", ", list.Select(i => i.Name));
            }

            var axis = axes[0];
            return $"{rule.Code}[{axis}={string.Join(", ", list.Select(i => (axis == "row" ? i.Instance.Row : i.Instance.Column)?.Path))}]";
        }));
    }

    private static string DescribeRules(IEnumerable<LinearRule> instances) =>
        string.Join(", ", instances.Select(i => i.Rule.Code).Distinct());

    private static string CellList(IReadOnlyList<string> cells) =>
        cells.Count <= MaxCellsListed ? string.Join(", ", cells) : string.Join(", ", cells.Take(MaxCellsListed)) + $", … (+{cells.Count - MaxCellsListed})";
}
