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
    private const int MaxSolutions = 64;

    // The most readings tried across the pending rows. When the rules reject most combinations, the search is the
    // product of every row's candidates (found by fuzzing: seconds of CPU for one page), so it stops here and keeps
    // the solutions it found; a row left without one is reported as unreadable.
    private const int MaxSearchSteps = 20_000;

    private sealed record Pending(TableSymbol Table, AxisItemSymbol Row, int[] Cells, List<decimal?[]> Candidates, DocumentItem At);

    private void ReadRunTogether(TableSymbol table, AxisItemSymbol row, List<AxisItemSymbol> columns, List<DocumentItem> found)
    {
        var cells = columns.Select(c => table.GetCell(row, c)).ToList();
        var indexes = cells.Select(c => c is null ? -1 : _layout.IndexOf(c)).ToArray();
        var candidates = Segmenter.Segment(found, [.. cells.Select(c => c?.Type.Kind == CellTypeKind.Amount)]);
        if (candidates.Count == 0)
        {
            Report(DiagnosticCatalog.RD3211, found[0], LabelPath(row), string.Concat(found.Select(f => f.Text)));
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

        _pending.Add(new Pending(table, row, indexes, kept.Count > 0 ? kept : candidates, found[0]));
    }

    private void ResolveRunTogether()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var pendingCells = _pending.SelectMany(p => p.Cells).Where(i => i >= 0).ToHashSet();
        var relevant = Instances().Where(i => i.Cells.Overlaps(pendingCells)).ToList();
        var solutions = new List<decimal?[][]>();
        var choice = new decimal?[_pending.Count][];
        var steps = 0;
        Search(0);
        foreach (var pending in _pending)
        {
            Clear(pending.Cells);
        }

        for (var p = 0; p < _pending.Count; p++)
        {
            var pending = _pending[p];
            var readings = solutions.Select(s => s[p]).DistinctBy(Show).ToList();
            if (readings.Count == 1)
            {
                Set(pending.Cells, readings[0]);
            }
            else if (readings.Count == 0)
            {
                Report(DiagnosticCatalog.RD3211, pending.At, LabelPath(pending.Row), pending.At.Text);
            }
            else
            {
                Report(DiagnosticCatalog.RD3210, pending.At, LabelPath(pending.Row), readings.Count, string.Join(" | ", readings.Take(5).Select(Show)));
            }
        }

        void Search(int p)
        {
            if (solutions.Count >= MaxSolutions)
            {
                return;
            }

            if (p == _pending.Count)
            {
                solutions.Add([.. choice]);
                return;
            }

            foreach (var candidate in _pending[p].Candidates)
            {
                if (++steps > MaxSearchSteps)
                {
                    return;
                }

                Set(_pending[p].Cells, candidate);
                var assigned = _pending.Take(p + 1).SelectMany(x => x.Cells).ToHashSet();
                if (relevant.Where(r => r.Cells.Overlaps(_pending[p].Cells) && r.Cells.All(c => !pendingCells.Contains(c) || assigned.Contains(c))).All(Holds))
                {
                    choice[p] = candidate;
                    Search(p + 1);
                }

                Clear(_pending[p].Cells);
            }
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
