using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>Numbers every cell of a format, so that a report's values live in flat arrays indexed by cell.</summary>
public sealed class CellLayout
{
    private readonly Dictionary<string, int> _indexById;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _indexBySpan;
    private readonly Dictionary<CellSymbol, int> _indexByCell;
    private readonly byte[][] _utf8Ids;
    private readonly WholeRead[] _wholeReads;
    private readonly Regex[] _factExpressions;

    internal CellLayout(FormatSymbol format)
    {
        Format = format;
        // Facts come after every table cell, so that the tables' numbering does not depend on them.
        Cells = [.. format.Tables.SelectMany(t => t.Cells), .. format.Facts.Select(f => f.Cell)];
        FirstFact = Cells.Length - format.Facts.Count();
        _indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        _indexByCell = new Dictionary<CellSymbol, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Cells.Length; i++)
        {
            _indexById[Cells[i].Id] = i;
            _indexByCell[Cells[i]] = i;
        }

        _indexBySpan = _indexById.GetAlternateLookup<ReadOnlySpan<char>>();
        _utf8Ids = [.. Cells.Select(c => Encoding.UTF8.GetBytes(c.Id))];
        _wholeReads = [.. Cells.Select(c => c.Type is { Minimum: null, Maximum: null } type
            ? type.Kind switch { CellTypeKind.Count => WholeRead.NotNegative, CellTypeKind.Integer => WholeRead.Any, _ => WholeRead.No }
            : WholeRead.No)];

        // Compiled once per format; the engine without backtracking matches in time linear in the text, whatever the pattern.
        _factExpressions = [.. format.Facts.Select(f => new Regex(f.Expression, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))];
    }

    /// <summary>Gets the format.</summary>
    public FormatSymbol Format { get; }

    /// <summary>Gets every cell, table by table, row by row, then the facts of the sections' text.</summary>
    public ImmutableArray<CellSymbol> Cells { get; }

    /// <summary>Gets the index of the first fact: cells from here on hold the facts of the sections' text.</summary>
    public int FirstFact { get; }

    /// <summary>Finds a cell's index by its identifier, such as <c>applications.received[natural]</c>.</summary>
    public bool TryGetIndex(string id, out int index) => _indexById.TryGetValue(id, out index);

    /// <summary>
    /// Finds a cell's index by its identifier's UTF-8 bytes (unescaped), trying <paramref name="expected"/> first:
    /// data written by a tool lists the cells in layout order, so one comparison of bytes usually replaces decoding
    /// the key and hashing it (the report-data reader's hot path, once per cell of every file of a batch).
    /// </summary>
    internal bool TryGetIndex(ReadOnlySpan<byte> utf8Id, int expected, out int index)
    {
        if ((uint)expected < (uint)_utf8Ids.Length && utf8Id.SequenceEqual(_utf8Ids[expected]))
        {
            index = expected;
            return true;
        }

        Span<char> buffer = stackalloc char[256];
        if (utf8Id.Length <= buffer.Length)
        {
            var length = Encoding.UTF8.GetChars(utf8Id, buffer);
            return _indexBySpan.TryGetValue(buffer[..length], out index);
        }

        return _indexById.TryGetValue(Encoding.UTF8.GetString(utf8Id), out index);
    }

    /// <summary>How a JSON number may be stored in a cell without a closer look (the reader's common case).</summary>
    internal enum WholeRead : byte
    {
        /// <summary>Not a whole-number cell without a range: the number is checked against the cell's type.</summary>
        No,

        /// <summary>A count without a range: a whole number from 0 up is stored as it is.</summary>
        NotNegative,

        /// <summary>An integer without a range: any whole number is stored as it is.</summary>
        Any,
    }

    /// <summary>Gets how a JSON number is read into the cell, worked out once per format rather than once per value.</summary>
    internal WholeRead WholeReadOf(int cell) => _wholeReads[cell];

    /// <summary>Gets the regular expression that reads a fact from its section's text.</summary>
    internal Regex FactExpression(int cell) => _factExpressions[cell - FirstFact];

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
