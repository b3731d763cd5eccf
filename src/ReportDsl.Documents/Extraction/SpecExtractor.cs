using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Documents.Text;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// Reads the values of a format's tables from a document's items using only the spec: tables, rows and columns are
/// found by their official labels and aliases, in spec order, with a forward-moving cursor; each row's values are the
/// numbers and blanks that follow its label. Nothing per format is written here.
/// </summary>
internal sealed partial class SpecExtractor
{
    private const int RowWindow = 160;
    private const int TableWindow = 100_000;

    private readonly IReadOnlyList<DocumentItem> _items;
    private readonly FormatSymbol _format;
    private readonly CellLayout _layout;
    private readonly string _path;
    private readonly ReportValues _values;
    private readonly DocumentItem?[] _sources;
    private readonly List<Finding> _findings = [];
    private readonly List<Pending> _pending = [];
    private Validator? _validator;
    private int _cursor;
    private int _labelsFound;
    private int _labelsWanted;

    private SpecExtractor(IReadOnlyList<DocumentItem> items, Validator validator, string path)
    {
        _items = items;
        _format = validator.Format;
        _layout = validator.Layout;
        _path = path;
        _values = new ReportValues(_layout);
        _sources = new DocumentItem?[_layout.Cells.Length];
    }

    /// <summary>The values read, the problems met, and how well the document's labels matched the format.</summary>
    public sealed record Result(ReportValues Values, DocumentItem?[] Sources, ImmutableArray<Finding> Findings, int LabelsFound, int LabelsWanted)
    {
        public double Score => LabelsWanted == 0 ? 0 : (double)LabelsFound / LabelsWanted;
    }

    public static Result Extract(IReadOnlyList<DocumentItem> items, Validator validator, string path, CancellationToken cancellation = default)
    {
        var extractor = new SpecExtractor(items, validator, path);
        extractor._validator = validator;
        foreach (var table in extractor._format.Tables)
        {
            cancellation.ThrowIfCancellationRequested();
            extractor.ReadTable(table);
        }

        cancellation.ThrowIfCancellationRequested();
        extractor.ResolveRunTogether();

        return new Result(extractor._values, extractor._sources, [.. extractor._findings], extractor._labelsFound, extractor._labelsWanted);
    }

    private void ReadTable(TableSymbol table)
    {
        var start = Find(_cursor, TableWindow, item => Matches(item, Labels(table.Label, table.Aliases)));
        if (start >= 0)
        {
            _cursor = start + 1;
        }

        var columns = PresentColumns(table);
        var firstRow = true;
        foreach (var row in table.ValueRows)
        {
            var wanted = columns.Where(c => table.GetCell(row, c) is not null).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            List<DocumentItem> found;
            if (row.IsUnlabeled)
            {
                found = ReadRun(wanted.Count);
            }
            else
            {
                _labelsWanted++;
                var rowLabels = Labels(row.Label, row.Aliases);
                var others = table.ValueRows.Where(r => r != row && !r.IsUnlabeled).SelectMany(r => Labels(r.Label, r.Aliases)).ToList();

                // Rows are alike ("一、本年新收…数量", "二、上年结转…数量"): the item must stand for this row better than for any other.
                // The first row of a table may lie far ahead when the caption was not recognised (long prose before it).
                var window = firstRow && start < 0 ? TableWindow : RowWindow;
                firstRow = false;
                bool IsRow(DocumentItem item) => Matches(item, rowLabels) && LabelMatcher.Best(item.Text, rowLabels) >= LabelMatcher.Best(item.Text, others);
                var at = Find(_cursor, window, IsRow);
                if (at < 0)
                {
                    ReportEmpty(DiagnosticCatalog.RD3201, start >= 0 ? _items[start] : null, CellsOf(table, row, wanted), LabelPath(row), table.Label);
                    continue;
                }

                _labelsFound++;
                var next = table.ValueRows.SkipWhile(r => r != row).Skip(1).FirstOrDefault();
                var nextLabels = next is null ? [] : Labels(next.Label, next.Aliases);
                found = Collect(at + 1, wanted.Count, nextLabels);

                // A heading may name the row before a table prints it again with its values ("### 一、本年新收…" over
                // "| 本年新收… | 705 | 3 | …"): when nothing follows the label, the row is where it is printed next,
                // provided that comes before the next row's label and prints a whole row (a stray number such as a page
                // number after a wrapped label is not one).
                var cursor = _cursor;
                for (var retry = at; found.Count == 0;)
                {
                    var again = Find(retry + 1, RowWindow, IsRow);
                    var nextAt = nextLabels.Count == 0 ? -1 : Find(retry + 1, RowWindow, item => Matches(item, nextLabels) && LabelMatcher.Best(item.Text, nextLabels) > LabelMatcher.Best(item.Text, rowLabels));
                    if (again < 0 || (nextAt >= 0 && nextAt < again))
                    {
                        _cursor = cursor;
                        break;
                    }

                    retry = again;
                    var values = Collect(retry + 1, wanted.Count, nextLabels);
                    if (values.Count >= wanted.Count)
                    {
                        found = values;
                    }
                }
            }

            if (found.Any(item => item.Kind == ItemKind.Digits))
            {
                ReadRunTogether(table, row, wanted, found);
                continue;
            }

            if (found.Any(IsUncertain))
            {
                ReadUncertain(table, row, wanted, found);
                continue;
            }

            Assign(table, row, wanted, Fit(found, CellsOf(table, row, wanted), LabelPath(row)));
        }
    }

    /// <summary>Small tables print only some of their columns in local variants; read the header to see which.</summary>
    private List<AxisItemSymbol> PresentColumns(TableSymbol table)
    {
        var columns = table.ValueColumns.ToList();
        if (columns.Count is < 2 or > 4)
        {
            return columns;
        }

        var rowLabels = table.ValueRows.Where(r => !r.IsUnlabeled).SelectMany(r => Labels(r.Label, r.Aliases)).ToList();
        var firstRow = Find(_cursor, TableWindow, item => Matches(item, rowLabels));
        var end = firstRow < 0 ? Math.Min(_items.Count, _cursor + RowWindow) : firstRow;
        var from = firstRow < 0 ? _cursor : Math.Max(_cursor, firstRow - RowWindow);
        var header = _items.Skip(from).Take(end - from + 1).Where(i => i.Kind == ItemKind.Label).ToList();
        // Flattened pages run a table's whole header into one piece of text: a column label inside it counts.
        var present = columns.Where(c => header.Any(h => Matches(h, Labels(c.Label, c.Aliases)) || Labels(c.Label, c.Aliases).Any(l => l.Length >= 3 && h.Text.Contains(l, StringComparison.Ordinal)))).ToList();
        _labelsWanted += columns.Count;
        _labelsFound += present.Count;
        if (present.Count == 0 || present.Count == columns.Count)
        {
            return columns;
        }

        foreach (var missing in columns.Except(present))
        {
            ReportEmpty(DiagnosticCatalog.RD3204, null, table.ValueRows.Select(r => table.GetCell(r, missing) is { } cell ? _layout.IndexOf(cell) : -1), table.Label, missing.Label);
        }

        return present;
    }

    private List<DocumentItem> Collect(int index, int count, IReadOnlyList<string> nextLabels)
    {
        var values = new List<DocumentItem>();
        var breaks = 0;
        for (; index < _items.Count && values.Count < count + 3; index++)
        {
            var item = _items[index];
            if (item.Kind is ItemKind.Value or ItemKind.Blank or ItemKind.Digits)
            {
                values.Add(item);
            }
            else if (item.Kind == ItemKind.RowBreak)
            {
                if (values.Count > 0 || ++breaks > 1)
                {
                    break;
                }
            }
            else if (values.Count > 0 && values.Count < count && item.Text.Length <= 6 && !Matches(item, nextLabels) && NextIsValue(index))
            {
                // A word where a number belongs ("十二" between numbers): the cell is there but unreadable.
                values.Add(item);
            }
            else if (values.Count > 0 || Matches(item, nextLabels))
            {
                break;
            }
        }

        _cursor = index;
        return values;
    }

    private bool NextIsValue(int index) =>
        index + 1 < _items.Count && _items[index + 1].Kind is ItemKind.Value or ItemKind.Blank or ItemKind.Digits;

    /// <summary>A row without a printed label (table 四): the first run of enough values and blanks.</summary>
    private List<DocumentItem> ReadRun(int count)
    {
        for (var i = _cursor; i < _items.Count && i < _cursor + TableWindow; i++)
        {
            var run = _items.Skip(i).TakeWhile(item => item.Kind is ItemKind.Value or ItemKind.Blank or ItemKind.Digits).ToList();
            if (run.Count >= count || (run.Count > 0 && run.Any(item => item.Kind == ItemKind.Digits) && run.Sum(item => item.Kind == ItemKind.Digits ? item.Text.Length : 1) >= count))
            {
                _cursor = i + run.Count;
                return run;
            }

            if (run.Count > 0 && count % run.Count == 0 && Pieces(i, run.Count, count) is { } pieces)
            {
                return pieces;
            }
        }

        return [];
    }

    /// <summary>
    /// Table 四 printed as one small table per group of columns (行政复议, then each kind of 行政诉讼), each with its own
    /// header: runs of the same length separated only by header labels make up the row when they fill it exactly.
    /// </summary>
    private List<DocumentItem>? Pieces(int start, int length, int count)
    {
        var values = new List<DocumentItem>();
        var i = start;
        while (values.Count < count && i < _items.Count)
        {
            var run = _items.Skip(i).TakeWhile(item => item.Kind is ItemKind.Value or ItemKind.Blank).ToList();
            if (run.Count != length)
            {
                return null;
            }

            values.AddRange(run);
            i += run.Count;
            var gap = 0;
            while (values.Count < count && i < _items.Count && _items[i].Kind is ItemKind.Label or ItemKind.RowBreak && ++gap <= 40)
            {
                i++;
            }
        }

        if (values.Count != count)
        {
            return null;
        }

        _cursor = i;
        return values;
    }

    /// <summary>Makes a row's cells match the spec's columns: surplus blanks go first, then surplus at the end; missing ones are null.</summary>
    private List<DocumentItem?> Fit(List<DocumentItem> found, int[] indexes, string row)
    {
        var count = indexes.Length;
        var cells = new List<DocumentItem?>(found);
        var surplus = cells.Count - count;
        if (surplus > 0)
        {
            for (var i = cells.Count - 1; i >= 0 && cells.Count > count; i--)
            {
                if (cells[i]?.Kind == ItemKind.Blank)
                {
                    cells.RemoveAt(i);
                }
            }

            if (cells.Count > count)
            {
                cells.RemoveRange(count, cells.Count - count);
            }

            Report(DiagnosticCatalog.RD3203, found[0], row, surplus);
        }
        else if (surplus < 0 && found.Count > 0)
        {
            ReportEmpty(DiagnosticCatalog.RD3202, found[0], indexes.Skip(found.Count), row, found.Count, count);
        }

        while (cells.Count < count)
        {
            cells.Add(null);
        }

        return cells;
    }

    private void Assign(TableSymbol table, AxisItemSymbol row, List<AxisItemSymbol> columns, List<DocumentItem?> cells)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (table.GetCell(row, columns[i]) is not { } cell || cells[i] is not { } item)
            {
                continue;
            }

            if (item.Kind is ItemKind.Blank)
            {
                // Where the blank is, so that the finding about the empty cell points at it.
                _sources[_layout.IndexOf(cell)] = item;
                continue;
            }

            if (item.Kind == ItemKind.Label)
            {
                var unreadable = _layout.IndexOf(cell);
                _sources[unreadable] = item;
                _values.SetInvalid(unreadable);
                Report(DiagnosticCatalog.RD3105, item, cell.Id, item.Text);
                continue;
            }

            var index = _layout.IndexOf(cell);
            _sources[index] = item;
            if (cell.Type.IsWholeNumber && item.Number == decimal.Truncate(item.Number) && item.Number is >= long.MinValue and <= long.MaxValue)
            {
                if (item.Number < 0 && cell.Type.Kind == CellTypeKind.Count)
                {
                    _values.SetInvalid(index);
                    Report(DiagnosticCatalog.RD3103, item, cell.Id, item.Text);
                }
                else
                {
                    _values.SetWhole(index, (long)item.Number);
                }
            }
            else if (cell.Type.Kind == CellTypeKind.Amount)
            {
                _values.SetAmount(index, item.Number);
            }
            else
            {
                _values.SetInvalid(index);
                Report(DiagnosticCatalog.RD3104, item, cell.Id, item.Text);
            }
        }
    }

    private int Find(int from, int window, Func<DocumentItem, bool> predicate)
    {
        for (var i = from; i < _items.Count && i < from + window; i++)
        {
            if (_items[i].Kind == ItemKind.Label && predicate(_items[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(DocumentItem item, IReadOnlyList<string> labels) =>
        item.Kind == ItemKind.Label && labels.Count > 0 && LabelMatcher.Best(item.Text, labels) >= LabelMatcher.Threshold;

    // Normalising a label is not free (NFKC); formats are few and their labels fixed, so each is normalised once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Normalized = new(StringComparer.Ordinal);

    private static List<string> Labels(string label, IEnumerable<string> aliases) =>
        [.. aliases.Prepend(label).Select(l => Normalized.GetOrAdd(l, TextNormalizer.Label)).Where(l => l.Length > 0)];

    private static string LabelPath(AxisItemSymbol item) => string.Join('/', item.LabelPath);

    private int[] CellsOf(TableSymbol table, AxisItemSymbol row, List<AxisItemSymbol> columns) =>
        [.. columns.Select(c => table.GetCell(row, c) is { } cell ? _layout.IndexOf(cell) : -1)];

    /// <summary>A finding that leaves cells empty: it lists them, so that what follows from them folds into it.</summary>
    private void ReportEmpty(DiagnosticDescriptor descriptor, DocumentItem? at, IEnumerable<int> cells, params object[] arguments)
    {
        var location = at is null ? new FindingLocation(_path, 1, 1) : at.Locate(_path);
        _findings.Add(Finding.ForUnread(descriptor, [.. cells.Where(i => i >= 0).Select(i => _layout.Describe(i, null, false, location))], location, arguments));
    }

    private void Report(DiagnosticDescriptor descriptor, DocumentItem? at, params object[] arguments) =>
        _findings.Add(Finding.ForData(descriptor, [], null, at is null ? new FindingLocation(_path, 1, 1) : at.Locate(_path), arguments));
}
