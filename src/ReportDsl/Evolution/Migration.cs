using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Evolution;

/// <summary>The outcome of carrying a report to another version of its format.</summary>
/// <param name="Data">The report in the target format.</param>
/// <param name="Mapping">How each target cell was filled.</param>
/// <param name="Gaps">What could not be carried: cells left missing because they cannot be known exactly (RD3152), values with no place in the target (RD3153) or that do not fit its type (RD3154).</param>
/// <param name="Findings">The target format's validation of the carried report (its rules and missing values).</param>
public sealed record MigrationResult(ReportData Data, CellMapping Mapping, ImmutableArray<Finding> Gaps, ImmutableArray<Finding> Findings);

/// <summary>
/// Carries report data from one version of a format to another through the lineage: renamed cells move, merged cells
/// are summed, and a cell that cannot be carried exactly (a part of a split row) is left missing and reported, never
/// guessed. The result is validated against the target format.
/// </summary>
public static class Migration
{
    /// <summary>Migrates a report to the target format described by <paramref name="target"/>.</summary>
    public static MigrationResult Migrate(ReportData source, Validator target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var sourceLayout = source.Values.Layout;
        var mapping = CellMapping.Create(sourceLayout.Format, target.Format);
        var values = mapping.Apply(source.Values, target.Layout);
        var gaps = ImmutableArray.CreateBuilder<Finding>();
        var origin = new int[target.Layout.Cells.Length];
        Array.Fill(origin, -1);
        for (var i = 0; i < mapping.Carries.Length; i++)
        {
            var carry = mapping.Carries[i];
            if (!target.Layout.TryGetIndex(carry.Target.Id, out var index))
            {
                continue;
            }

            var present = carry.Sources.Select(s => sourceLayout.TryGetIndex(s.Id, out var at) ? at : -1).Where(at => at >= 0 && source.Values.StateOf(at) == CellState.Present).ToList();
            if (present.Count > 0)
            {
                origin[index] = present[0];
            }

            var from = string.Join(" + ", carry.Sources.Select(s => s.Id));
            if (carry.Kind == CarryKind.NotExact && present.Count > 0)
            {
                gaps.Add(Finding.ForData(DiagnosticCatalog.RD3152, [target.Layout.Describe(index, null)], null, source.LocationOf(present[0]) ?? new FindingLocation(source.Path, 1, 1), carry.Target.Id, from));
            }
            else if (carry.Kind is CarryKind.Same or CarryKind.Sum && present.Count == carry.Sources.Length && values.StateOf(index) != CellState.Present)
            {
                gaps.Add(Finding.ForData(DiagnosticCatalog.RD3154, [target.Layout.Describe(index, null)], null, source.LocationOf(present[0]) ?? new FindingLocation(source.Path, 1, 1), carry.Target.Id, from, carry.Target.Type.ToString()));
            }
        }

        foreach (var cell in mapping.Dropped)
        {
            if (sourceLayout.TryGetIndex(cell.Id, out var at) && source.Values.StateOf(at) == CellState.Present)
            {
                var value = source.Values.NumberOf(at)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? source.Values.TextOf(at) ?? string.Empty;
                ImmutableArray<FindingCell> cells = [sourceLayout.Describe(at, source.Values.NumberOf(at), location: source.LocationOf(at))];
                var location = source.LocationOf(at) ?? new FindingLocation(source.Path, 1, 1);
                var targetName = $"{target.Format.Name} {target.Format.Version}";
                gaps.Add(EndedBefore(cell, target.Format.Version) is { } until
                    ? Finding.ForData(DiagnosticCatalog.RD3155, cells, null, location, cell.Id, value, until, targetName)
                    : Finding.ForData(DiagnosticCatalog.RD3153, cells, null, location, cell.Id, value, targetName));
            }
        }

        // The text of the sections goes with the report (never lost), under the target's section ids, and the
        // target's facts are read from it as a document's would be.
        var prose = CarryProse(source, target.Format);
        var proseFindings = new FindingCollector(int.MaxValue);
        if (source.HasProse)
        {
            FactReader.Read(values, prose, (section, _) => section.Location ?? new FindingLocation(source.Path, 1, 1), new FindingLocation(source.Path, 1, 1), proseFindings);
        }

        var readFindings = ImmutableArray.CreateBuilder<Finding>();
        readFindings.AddRange(proseFindings.ToImmutable());
        for (var cell = 0; cell < target.Layout.Cells.Length; cell++)
        {
            if (values.StateOf(cell) == CellState.Missing)
            {
                readFindings.Add(Finding.ForData(DiagnosticCatalog.RD3101, [target.Layout.Describe(cell, null)], null, new FindingLocation(source.Path, 1, 1), target.Layout.Cells[cell].Id, ReportDataReader.BlankAdvice(target.Layout.Cells[cell].Type)));
            }
        }

        var data = new ReportData(source.Path, target.Format.Name, target.Format.Version, values)
        {
            Agency = source.Agency,
            Year = source.Year,
            Locator = cell => origin[cell] < 0 ? null : source.LocationOf(origin[cell]),
            ReadFindings = readFindings.ToImmutable(),
            Prose = prose,
            HasProse = source.HasProse,
        };
        return new MigrationResult(data, mapping, gaps.ToImmutable(), target.Validate(data));
    }

    /// <summary>
    /// The version after which the cell's row, column, table or section was announced to end (<c>until</c>), when the
    /// target comes after it: its value is dropped as the format said it would be, not lost by accident.
    /// </summary>
    private static string? EndedBefore(CellSymbol cell, string targetVersion) =>
        new[] { cell.Row.Lineage, cell.Column.Lineage, cell.Table.Lineage, cell.Table.Section?.Lineage ?? [] }
            .Concat(AncestorsOf(cell.Row).Concat(AncestorsOf(cell.Column)).Select(a => a.Lineage))
            .SelectMany(l => l)
            .Where(l => l.Kind == LineageKind.Until && l.Version is { } until && Binding.Binder.CompareVersions(targetVersion, until) > 0)
            .Select(l => l.Version)
            .FirstOrDefault();

    /// <summary>
    /// Each section's text under the id of the target section that continues it: the same id, the one whose
    /// <c>renamed from</c> names it, else the one with its heading. Text with no section in the target is left out
    /// (the tables are what migration carries; the source report keeps its text).
    /// </summary>
    private static ImmutableArray<ProseSection> CarryProse(ReportData source, FormatSymbol target)
    {
        var sourceFormat = source.Values.Layout.Format;
        var carried = ImmutableArray.CreateBuilder<ProseSection>();
        foreach (var text in source.Prose)
        {
            var from = sourceFormat.Sections.FirstOrDefault(s => s.Name == text.Section);
            var to = target.Sections.FirstOrDefault(s => s.Lineage.Any(l => l.Kind == LineageKind.Renamed && (l.Paths.Contains(text.Section) || (from is not null && l.Label == from.Label))))
                ?? target.Sections.FirstOrDefault(s => s.Name == text.Section)
                ?? (from is null ? null : target.Sections.FirstOrDefault(s => s.Label == from.Label || s.Aliases.Contains(from.Label)));
            if (to is not null)
            {
                carried.Add(text with { Section = to.Name });
            }
        }

        return carried.ToImmutable();
    }

    private static IEnumerable<AxisItemSymbol> AncestorsOf(AxisItemSymbol item)
    {
        for (var parent = item.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }
}
