using ReportDsl.Diagnostics;
using ReportDsl.Documents.Text;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// Rows whose cells were run together ("640020470"): every segmentation is enumerated, and the format's own invariants
/// choose. One reading that satisfies them is taken; several are an ambiguity, reported with the candidates; none is a
/// finding. Rules are used as the spec states them: row totals, group totals, the 勾稽关系 across rows.
/// </summary>
internal sealed partial class SpecExtractor
{
    // Steps allowed to show that one reading of a row fits with the others; beyond it the reading stays possible.
    private const int SearchBudget = 20_000;

    // Steps allowed for all the rows that rules tie together; beyond it their remaining readings stay possible.
    private const int ComponentBudget = 400_000;

    /// <summary>
    /// A row whose readings the rules across rows choose among: cells run together (all the row's cells), or numbers
    /// OCR was unsure of (only those cells, with the items as read in <see cref="Uncertain"/>).
    /// </summary>
    private sealed record Pending(TableSymbol Table, AxisItemSymbol Row, int[] Cells, List<decimal?[]> Candidates, DocumentItem At)
    {
        public IReadOnlyList<DocumentItem>? Uncertain { get; init; }
    }

    private void ReadRunTogether(TableSymbol table, AxisItemSymbol row, List<AxisItemSymbol> columns, List<DocumentItem> found)
    {
        var cells = columns.Select(c => table.GetCell(row, c)).ToList();
        var indexes = cells.Select(c => c is null ? -1 : _layout.IndexOf(c)).ToArray();
        var candidates = Segmenter.Segment(found, [.. cells.Select(c => c?.Type.Kind == CellTypeKind.Amount)]);
        if (candidates.Count == 0)
        {
            ReportEmpty(DiagnosticCatalog.RD3211, found[0], indexes, LabelPath(row), string.Concat(found.Select(f => f.Text)));
            return;
        }

        foreach (var index in indexes.Where(i => i >= 0))
        {
            _sources[index] = found[0];
        }

        if (candidates.Count == 1)
        {
            Set(indexes, candidates[0]);
            return;
        }

        // The rules within the row (its total) usually leave one reading; rules across rows are tried at the end.
        var local = InstancesWithin(indexes.Where(i => i >= 0).ToHashSet());
        var kept = candidates.Where(candidate =>
        {
            Set(indexes, candidate);
            return local.All(Holds);
        }).ToList();
        Clear(indexes);
        if (kept.Count == 1)
        {
            Set(indexes, kept[0]);
            return;
        }

        if (kept.Count == 0 && local.Count > 0)
        {
            // No reading satisfies the row's own rules, so none can satisfy every rule: reported here, the row takes no
            // part in the search across rows, where it would only make every other row's search fail.
            ReportEmpty(DiagnosticCatalog.RD3211, found[0], indexes, LabelPath(row), string.Concat(found.Select(f => f.Text)));
            return;
        }

        // Several readings fit the row's own rules (or no rule lies within it): what the text states about the row's
        // cells may leave one.
        var readings = kept.Count > 0 ? kept : candidates;
        if (NarrowByFacts(indexes, indexes, readings) is var (narrowed, rules))
        {
            if (narrowed.Count == 1)
            {
                Set(indexes, narrowed[0]);
                ReportDecidedByFacts(found[0], string.Concat(found.Select(f => f.Text)), indexes, row, readings.Count, narrowed[0], rules);
                return;
            }

            readings = narrowed;
        }

        _pending.Add(new Pending(table, row, indexes, readings, found[0]));
    }

    private void ResolveRunTogether()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var pendingCells = _pending.SelectMany(p => p.Cells).Where(i => i >= 0).ToHashSet();
        var relevant = Instances().Where(i => i.Cells.Overlaps(pendingCells)).ToList();

        // Rows are searched together only when rules tie them, so a table that cannot be read leaves the others alone.
        foreach (var component in Components(relevant))
        {
            Resolve(component, pendingCells, relevant);
        }
    }

    /// <summary>The pending rows in groups that rules connect, each in reading order.</summary>
    private List<List<Pending>> Components(List<Instance> relevant)
    {
        var group = Enumerable.Range(0, _pending.Count).ToArray();
        int Root(int p) => group[p] == p ? p : group[p] = Root(group[p]);
        foreach (var instance in relevant)
        {
            var rows = Enumerable.Range(0, _pending.Count).Where(p => _pending[p].Cells.Any(instance.Cells.Contains)).ToList();
            foreach (var p in rows.Skip(1))
            {
                group[Root(p)] = Root(rows[0]);
            }
        }

        return [.. Enumerable.Range(0, _pending.Count).GroupBy(Root).Select(g => g.Select(p => _pending[p]).ToList())];
    }

    /// <summary>
    /// For each row, the readings that take part in at least one way to read the whole group under every rule tying
    /// it. A reading is certain only when every other one was shown impossible; a search cut short proves nothing, so
    /// its readings stay possible.
    /// </summary>
    private void Resolve(List<Pending> pending, HashSet<int> pendingCells, List<Instance> relevant)
    {
        var possible = new List<decimal?[]>[pending.Count];
        var uncertain = new bool[pending.Count];
        var left = ComponentBudget;
        for (var p = 0; p < pending.Count; p++)
        {
            possible[p] = [];
            var order = pending.Take(p).Concat(pending.Skip(p + 1)).Prepend(pending[p]).ToList();

            // The rules to check once a row of the order has its reading: those on its cells whose other pending cells
            // belong to rows before it.
            var checks = new List<Instance>[order.Count];
            var assigned = new HashSet<int>();
            for (var i = 0; i < order.Count; i++)
            {
                assigned.UnionWith(order[i].Cells);
                checks[i] = [.. relevant.Where(r => r.Cells.Overlaps(order[i].Cells) && r.Cells.All(c => !pendingCells.Contains(c) || assigned.Contains(c)))];
            }

            foreach (var candidate in pending[p].Candidates)
            {
                var budget = Math.Min(SearchBudget, left);
                var start = budget;
                var found = budget > 0 && Fits(order, checks, candidate, ref budget);
                left -= start - budget;
                if (found || budget <= 0)
                {
                    possible[p].Add(candidate);
                    uncertain[p] |= !found;
                }
            }
        }

        for (var p = 0; p < pending.Count; p++)
        {
            var row = pending[p];
            if (row.Uncertain is not null)
            {
                ResolveUncertain(row, possible[p], uncertain[p], relevant);
            }
            else if (possible[p].Count == 1 && !uncertain[p])
            {
                Set(row.Cells, possible[p][0]);
            }
            else if (possible[p].Count == 0)
            {
                ReportEmpty(DiagnosticCatalog.RD3211, row.At, row.Cells, LabelPath(row.Row), row.At.Text);
            }
            else
            {
                ReportEmpty(DiagnosticCatalog.RD3210, row.At, row.Cells, LabelPath(row.Row), possible[p].Count, string.Join(" | ", possible[p].Take(5).Select(Show)));
            }
        }

        // Whether the first row's reading fits with some reading of every other row under the rules tying them.
        bool Fits(List<Pending> order, List<Instance>[] checks, decimal?[] first, ref int budget)
        {
            Set(order[0].Cells, first);
            var found = checks[0].All(Holds) && Exists(order, checks, 1, ref budget);
            Clear(order[0].Cells);
            return found;
        }

        bool Exists(List<Pending> order, List<Instance>[] checks, int p, ref int budget)
        {
            if (p == order.Count)
            {
                return true;
            }

            var row = order[p];
            foreach (var candidate in row.Candidates)
            {
                if (--budget <= 0)
                {
                    break;
                }

                Set(row.Cells, candidate);
                var found = checks[p].All(Holds) && Exists(order, checks, p + 1, ref budget);
                Clear(row.Cells);
                if (found)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed record Instance(int Index, HashSet<int> Cells);

    private List<Instance>? _instances;

    // Rules that read last year's report cannot decide this year's cells, so they take no part.
    private List<Instance> Instances() => _instances ??= [.. (_validator?.Instances ?? [])
        .Select((instance, index) => (Terms: instance.Left.Terms.Concat(instance.Right.Terms).ToList(), Index: index))
        .Where(i => !i.Terms.Any(t => t.IsPrevious))
        .Select(i => new Instance(i.Index, i.Terms.Select(t => _layout.IndexOf(t.Cell)).ToHashSet()))];

    private List<Instance> InstancesWithin(HashSet<int> cells) => [.. Instances().Where(i => i.Cells.IsSubsetOf(cells))];

    // An instance that cannot be evaluated yet (a cell still missing) does not rule a reading out.
    private bool Holds(Instance instance) =>
        _validator is null || _validator.Check(instance.Index, _values) is { Status: not (RuleStatus.Broken or RuleStatus.Overflow) };

    private void Set(int[] cells, decimal?[] values)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] < 0)
            {
                continue;
            }

            if (values[i] is not { } value)
            {
                _values.SetMissing(cells[i]);
            }
            else if (_layout.Cells[cells[i]].Type.IsWholeNumber && value == decimal.Truncate(value))
            {
                _values.SetWhole(cells[i], (long)value);
            }
            else
            {
                _values.SetAmount(cells[i], value);
            }
        }
    }

    private void Clear(int[] cells)
    {
        foreach (var cell in cells.Where(c => c >= 0))
        {
            _values.SetMissing(cell);
        }
    }

    private static string Show(decimal?[] values) =>
        string.Join(",", values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "_"));
}
