using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Validation;

namespace ReportDsl.Evolution;

/// <summary>
/// Prepares last year's report for the rules that compare years: checks that it is the year before, and carries its
/// values into this year's format cell by cell (never by position), so that a 2019-format report can be the previous
/// year of a 2021-format one.
/// </summary>
internal sealed class PreviousYear
{
    private readonly CellLayout _layout;
    private readonly ConcurrentDictionary<CellLayout, (CellMapping Mapping, int[] FirstSource)> _mappings = new(ReferenceEqualityComparer.Instance);

    public PreviousYear(CellLayout layout) => _layout = layout;

    /// <summary>
    /// Returns the previous report in this format, or null when it must not be used (the wrong year, RD3150), with the
    /// findings about it. A report whose year is not known on either side is used, with a warning (RD3151).
    /// </summary>
    public (ReportData? Previous, ImmutableArray<Finding> Findings) Align(ReportData current, ReportData? previous)
    {
        if (previous is null)
        {
            return (null, []);
        }

        var findings = ImmutableArray<Finding>.Empty;
        if (current.Year is { } year && previous.Year is { } previousYear)
        {
            if (previousYear != year - 1)
            {
                return (null, [Finding.ForPreviousReport(DiagnosticCatalog.RD3150, new FindingLocation(previous.Path, 1, 1), previous.Path, previousYear, year, year - 1)]);
            }
        }
        else
        {
            findings = [Finding.ForPreviousReport(DiagnosticCatalog.RD3151, new FindingLocation(previous.Path, 1, 1), previous.Path)];
        }

        if (ReferenceEquals(previous.Values.Layout, _layout))
        {
            return (previous, findings);
        }

        var (mapping, firstSource) = _mappings.GetOrAdd(previous.Values.Layout, Build);
        var values = mapping.Apply(previous.Values, _layout);
        var mapped = new ReportData(previous.Path, _layout.Format.Name, _layout.Format.Version, values)
        {
            Agency = previous.Agency,
            Year = previous.Year,
            Locator = cell => firstSource[cell] < 0 ? null : previous.LocationOf(firstSource[cell]),
        };
        return (mapped, findings.AddRange(Gaps(mapping, previous)));
    }

    /// <summary>
    /// What the mapping between the two formats leaves out: last year's values that no cell of this year's format
    /// receives (RD3156), and the cells a rule compares with last year that cannot be carried from last year's format
    /// exactly (RD3157), so that a comparison that goes unchecked is said to, not silently skipped.
    /// </summary>
    private IEnumerable<Finding> Gaps(CellMapping mapping, ReportData previous)
    {
        var sourceLayout = previous.Values.Layout;
        var format = $"{sourceLayout.Format.Name} {sourceLayout.Format.Version}";
        // One finding per table of last year's report, naming its cells: a dropped table or column is one point to read.
        foreach (var table in mapping.Dropped.Where(c => sourceLayout.TryGetIndex(c.Id, out var at) && previous.Values.StateOf(at) == CellState.Present).GroupBy(c => c.Table))
        {
            var cells = table.Select(c =>
            {
                sourceLayout.TryGetIndex(c.Id, out var at);
                return sourceLayout.Describe(at, previous.Values.NumberOf(at), isPrevious: true, previous.LocationOf(at));
            }).ToImmutableArray();
            var location = cells[0].Location ?? new FindingLocation(previous.Path, 1, 1);
            var names = string.Join(", ", table.Take(5).Select(c => c.Id)) + (cells.Length > 5 ? ", …" : string.Empty);
            yield return Finding.ForData(DiagnosticCatalog.RD3156, cells, null, location, table.Key.Label, cells.Length, $"{_layout.Format.Name} {_layout.Format.Version}", names);
        }

        var carries = mapping.Carries.ToDictionary(c => c.Target.Id, StringComparer.Ordinal);
        var reported = new HashSet<(string, string)>();
        foreach (var rule in _layout.Format.Rules)
        {
            foreach (var term in rule.Expand().SelectMany(i => i.LeftValue.Terms().Concat(i.RightValue.Terms()).Concat(i.ConditionCells())).Where(t => t.IsPrevious))
            {
                if (carries.GetValueOrDefault(term.Cell.Id) is { Kind: CarryKind.New or CarryKind.NotExact } && _layout.TryGetIndex(term.Cell.Id, out var index) && reported.Add((rule.Code, term.Cell.Id)))
                {
                    yield return Finding.ForData(DiagnosticCatalog.RD3157, [_layout.Describe(index, null, isPrevious: true)], rule.Code, new FindingLocation(previous.Path, 1, 1),
                        rule.Code, term.Cell.Id, format);
                }
            }
        }
    }

    private (CellMapping, int[]) Build(CellLayout source)
    {
        var mapping = CellMapping.Create(source.Format, _layout.Format);
        var firstSource = new int[_layout.Cells.Length];
        Array.Fill(firstSource, -1);
        foreach (var carry in mapping.Carries)
        {
            if (_layout.TryGetIndex(carry.Target.Id, out var target) && carry.Kind is CarryKind.Same or CarryKind.Sum
                && source.TryGetIndex(carry.Sources[0].Id, out var first))
            {
                firstSource[target] = first;
            }
        }

        return (mapping, firstSource);
    }
}
