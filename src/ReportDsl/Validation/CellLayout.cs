using System.Collections.Immutable;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>Numbers every cell of a format, so that a report's values live in flat arrays indexed by cell.</summary>
public sealed class CellLayout
{
    private readonly Dictionary<string, int> _indexById;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _indexBySpan;
    private readonly Dictionary<CellSymbol, int> _indexByCell;

    internal CellLayout(FormatSymbol format)
    {
        Format = format;
        Cells = [.. format.Tables.SelectMany(t => t.Cells)];
        _indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        _indexByCell = new Dictionary<CellSymbol, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Cells.Length; i++)
        {
            _indexById[Cells[i].Id] = i;
            _indexByCell[Cells[i]] = i;
        }

        _indexBySpan = _indexById.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the format.</summary>
    public FormatSymbol Format { get; }

    /// <summary>Gets every cell, table by table, row by row.</summary>
    public ImmutableArray<CellSymbol> Cells { get; }

    /// <summary>Finds a cell's index by its identifier, such as <c>applications.received[natural]</c>.</summary>
    public bool TryGetIndex(string id, out int index) => _indexById.TryGetValue(id, out index);

    /// <summary>Finds a cell's index without making a string of its identifier (the report-data reader's hot path).</summary>
    internal bool TryGetIndex(ReadOnlySpan<char> id, out int index) => _indexBySpan.TryGetValue(id, out index);

    /// <summary>Gets a cell's index.</summary>
    public int IndexOf(CellSymbol cell) => _indexByCell[cell];

    /// <summary>Describes a cell for a finding, with its labels, so that it reads without the spec.</summary>
    public FindingCell Describe(int cell, decimal? value, bool isPrevious = false, FindingLocation? location = null)
    {
        var symbol = Cells[cell];
        return new FindingCell(
            symbol.Id,
            symbol.Table.Name,
            symbol.Table.Label,
            symbol.Row.LabelPath,
            symbol.Column.LabelPath,
            value,
            isPrevious,
            location);
    }
}
