using System.Collections.Concurrent;
using System.Collections.Immutable;
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
        return (mapped, findings);
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
