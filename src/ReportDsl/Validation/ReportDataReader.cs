using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportDsl.Binding;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// Reads report data in the documented JSON shape (docs/validation.md). Every value is checked against its cell's type;
/// each problem is a finding with the value's line and column. Absent, null and blank values are missing, never 0.
/// Nothing is taken silently: a repeated key and a property the shape does not have are findings too.
/// </summary>
public static class ReportDataReader
{
    /// <summary>The largest report data read, in bytes: a report is about 12 KB, so anything near this is the wrong file.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 };

    // What the tool itself writes (ReportDataWriter) is accepted back: its extra metadata is ignored, not unknown.
    private static readonly string[] TopLevelProperties = ["$schema", "agency", "cells", "format", "formatChoice", "source", "version", "year"];
    private static readonly string[] CellProperties = ["columnLabels", "location", "rowLabels", "table", "value"];

    // Repeating one of these with another value changes what is read; repeating anything else changes nothing.
    private static readonly HashSet<string> MeaningfulTopLevel = ["agency", "cells", "format", "version", "year"];

    /// <summary>The outcome of reading: the data, or the findings that made it unreadable.</summary>
    public sealed record Result(ReportData? Data, ImmutableArray<Finding> Errors);

    /// <summary>
    /// Reads UTF-8 JSON (a byte order mark is skipped). <paramref name="resolve"/> finds the layout for the declared
    /// format and version (null when unknown). At most <paramref name="maxFindings"/> findings are built; the rest are
    /// counted in <see cref="ReportData.OmittedFindings"/>.
    /// </summary>
    public static Result Read(ReadOnlySpan<byte> json, string path, Func<string, string, CellLayout?> resolve, string specDescription, int maxFindings = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        if (json.Length > MaxBytes)
        {
            return new Result(null, [TooLarge(path, json.Length)]);
        }

        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (IsEmpty(json))
        {
            return new Result(null, [Finding.ForData(DiagnosticCatalog.RD3123, [], null, new FindingLocation(path, 1, 1))]);
        }

        var lines = new LineMap(json);
        var findings = new FindingCollector(Math.Max(0, maxFindings));
        try
        {
            var header = ReadHeader(json, path, lines, findings);
            if (header.Format is null || header.Version is null)
            {
                return Fail(path, 1, 1, "the top-level object needs \"format\" and \"version\"");
            }

            var layout = resolve(header.Format, header.Version);
            if (layout is null)
            {
                var finding = Finding.ForData(DiagnosticCatalog.RD3109, [], null, new FindingLocation(path, 1, 1), header.Format, header.Version, specDescription);
                return new Result(null, [finding]);
            }

            return new Result(ReadCells(json, path, layout, lines, header, findings), []);
        }
        catch (JsonException exception)
        {
            return Fail(path, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1, Clean(exception.Message));
        }
    }

    /// <summary>The finding for an input that could not be read at all (RD3110).</summary>
    public static Finding Unreadable(string path, string reason) =>
        Finding.ForData(DiagnosticCatalog.RD3110, [], null, new FindingLocation(path, 1, 1), reason.TrimEnd('.'));

    /// <summary>The finding for a file over <see cref="MaxBytes"/> (RD3124), for hosts that check the size before reading.</summary>
    public static Finding TooLarge(string path, long length) =>
        Finding.ForData(DiagnosticCatalog.RD3124, [], null, new FindingLocation(path, 1, 1), length, MaxBytes);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static Result Fail(string path, int line, int column, string reason) =>
        new(null, [Finding.ForData(DiagnosticCatalog.RD3110, [], null, new FindingLocation(path, line, column), reason)]);

    private static string Clean(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd('.', ' ');
    }

    // Only white space and comments: System.Text.Json would say "isFinalBlock", which tells a clerk nothing.
    private static bool IsEmpty(ReadOnlySpan<byte> json)
    {
        var i = 0;
        while (i < json.Length)
        {
            switch (json[i])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    i++;
                    break;
                case (byte)'/' when i + 1 < json.Length && json[i + 1] == '/':
                    var end = json[i..].IndexOf((byte)'\n');
                    i = end < 0 ? json.Length : i + end + 1;
                    break;
                case (byte)'/' when i + 1 < json.Length && json[i + 1] == '*':
                    var close = json[(i + 2)..].IndexOf("*/"u8);
                    if (close < 0)
                    {
                        return false;
                    }

                    i += close + 4;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private sealed record Header(string? Format, string? Version, string? Agency, int? Year, long CellsOffset);

    private static Header ReadHeader(ReadOnlySpan<byte> json, string path, LineMap lines, FindingCollector findings)
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the report must be a JSON object", null, 0, 0);
        }

        string? format = null, version = null, agency = null;
        int? year = null;
        var cellsOffset = -1L;
        var seen = new Dictionary<string, (long Key, long Start, long End)>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString() ?? string.Empty;
            var keyOffset = reader.TokenStartIndex;
            reader.Read();
            var valueStart = reader.TokenStartIndex;
            var known = Array.BinarySearch(TopLevelProperties, name, StringComparer.Ordinal) >= 0;
            var first = known && !seen.ContainsKey(name);
            if (first)
            {
                switch (name)
                {
                    case "format" when reader.TokenType == JsonTokenType.String:
                        format = reader.GetString();
                        break;
                    case "version" when reader.TokenType is JsonTokenType.String or JsonTokenType.Number:
                        version = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
                        break;
                    case "agency" when reader.TokenType == JsonTokenType.String:
                        agency = reader.GetString();
                        break;
                    case "year" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var y):
                        year = y;
                        break;
                    case "cells":
                        cellsOffset = keyOffset;
                        break;
                }
            }

            reader.Skip();
            var valueEnd = reader.BytesConsumed;
            if (!known)
            {
                Unknown(findings, lines, path, keyOffset, name, TopLevelProperties);
            }
            else if (first)
            {
                seen[name] = (keyOffset, valueStart, valueEnd);
            }
            else
            {
                var earlier = seen[name];
                var same = json[(int)earlier.Start..(int)earlier.End].SequenceEqual(json[(int)valueStart..(int)valueEnd]);
                Duplicate(findings, lines, path, keyOffset, earlier.Key, name, changesMeaning: !same && MeaningfulTopLevel.Contains(name));
            }
        }

        return new Header(format, version, agency, year, cellsOffset);
    }

    private static void Unknown(FindingCollector findings, LineMap lines, string path, long offset, string name, string[] known)
    {
        if (findings.Wants(DiagnosticCatalog.RD3122))
        {
            var suggestion = NameSuggester.Suggest(name, known);
            findings.Add(Finding.ForData(DiagnosticCatalog.RD3122, [], null, lines.Locate(path, offset), name, string.Join(", ", known.Select(k => $"\"{k}\"")),
                suggestion is null ? string.Empty : new LocalizableText("DidYouMean", suggestion)));
        }
    }

    private static void Duplicate(FindingCollector findings, LineMap lines, string path, long offset, long firstOffset, string name, bool changesMeaning)
    {
        var descriptor = changesMeaning ? DiagnosticCatalog.RD3120 : DiagnosticCatalog.RD3121;
        if (findings.Wants(descriptor))
        {
            var first = lines.Locate(path, firstOffset);
            findings.Add(Finding.ForData(descriptor, [], null, lines.Locate(path, offset), name, first.Line, first.Column));
        }
    }

    private static ReportData ReadCells(ReadOnlySpan<byte> json, string path, CellLayout layout, LineMap lines, Header header, FindingCollector findings)
    {
        var values = new ReportValues(layout);
        var offsets = new long[layout.Cells.Length];
        Array.Fill(offsets, -1);
        var context = new CellContext(path, lines, values, findings, $"{header.Format} {header.Version}");
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        while (header.CellsOffset >= 0 && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Only the first "cells" is read; ReadHeader reported any other.
            var isCells = reader.TokenStartIndex == header.CellsOffset;
            reader.Read();
            if (!isCells)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("\"cells\" must be an object", null, 0, 0);
            }

            ReadCellsObject(ref reader, json, layout, context, offsets);
            break;
        }

        var locator = new CellLocator(path, lines, offsets);
        for (var cell = 0; cell < layout.Cells.Length; cell++)
        {
            if (values.StateOf(cell) == CellState.Missing && findings.Wants(DiagnosticCatalog.RD3101))
            {
                var location = locator.Locate(cell);
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3101, [layout.Describe(cell, null, location: location)], null, location ?? new FindingLocation(path, 1, 1), layout.Cells[cell].Id));
            }
        }

        return new ReportData(path, header.Format ?? string.Empty, header.Version ?? string.Empty, values)
        {
            Agency = header.Agency,
            Year = header.Year,
            Locator = locator.Locate,
            ReadFindings = findings.ToImmutable(),
            OmittedFindings = findings.Omitted,
            OmittedErrors = findings.OmittedErrors,
        };
    }

    private static void ReadCellsObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, CellLayout layout, CellContext context, long[] offsets)
    {
        var (path, lines, findings) = (context.Path, context.Lines, context.Findings);
        var valueBounds = new (long Start, long End)[layout.Cells.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = reader.GetString() ?? string.Empty;
            var offset = reader.TokenStartIndex;
            reader.Read();
            if (!layout.TryGetIndex(id, out var cell))
            {
                if (findings.Wants(DiagnosticCatalog.RD3107))
                {
                    var suggestion = NameSuggester.Suggest(id, layout.Cells.Select(c => c.Id));
                    findings.Add(Finding.ForData(DiagnosticCatalog.RD3107, [], null, lines.Locate(path, offset), id, context.FormatDescription,
                        suggestion is null ? string.Empty : new LocalizableText("DidYouMean", suggestion)));
                }

                reader.Skip();
                continue;
            }

            var valueStart = reader.TokenStartIndex;
            if (offsets[cell] >= 0)
            {
                // The first value is the one read; a later one is reported, never taken silently.
                reader.Skip();
                var valueEnd = reader.BytesConsumed;
                var earlier = valueBounds[cell];
                var same = json[(int)earlier.Start..(int)earlier.End].SequenceEqual(json[(int)valueStart..(int)valueEnd]);
                Duplicate(findings, lines, path, offset, offsets[cell], id, changesMeaning: !same);
                continue;
            }

            offsets[cell] = offset;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadValueObject(ref reader, context, cell, offset);
            }
            else
            {
                ReadValue(ref reader, context, cell, offset);
            }

            valueBounds[cell] = (valueStart, reader.BytesConsumed);
        }
    }

    /// <summary>What reading one value needs besides the JSON reader; one per file, so reading a cell allocates nothing.</summary>
    private sealed record CellContext(string Path, LineMap Lines, ReportValues Values, FindingCollector Findings, string FormatDescription)
    {
        public FindingLocation Locate(long offset) => Lines.Locate(Path, offset);
    }

    // A cell may be written as {"value": 3, "rowLabels": [...], ...}, the shape the tool itself writes; labels are ignored.
    private static void ReadValueObject(ref Utf8JsonReader reader, CellContext context, int cell, long offset)
    {
        Span<long> firstKey = stackalloc long[CellProperties.Length];
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var index = -1;
            for (var i = 0; i < CellProperties.Length; i++)
            {
                if (reader.ValueTextEquals(CellProperties[i]))
                {
                    index = i;
                    break;
                }
            }

            var name = index < 0 ? reader.GetString() ?? string.Empty : CellProperties[index];
            reader.Read();
            if (index < 0)
            {
                Unknown(context.Findings, context.Lines, context.Path, keyOffset, name, CellProperties);
                reader.Skip();
            }
            else if ((seen & (1 << index)) != 0)
            {
                // A second "value" would have replaced the first; the labels and location are not read, so repeating them changes nothing.
                reader.Skip();
                Duplicate(context.Findings, context.Lines, context.Path, keyOffset, firstKey[index], name, changesMeaning: name == "value");
            }
            else
            {
                seen |= 1 << index;
                firstKey[index] = keyOffset;
                if (name == "value")
                {
                    ReadValue(ref reader, context, cell, offset);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private static void ReadValue(ref Utf8JsonReader reader, CellContext context, int cell, long offset)
    {
        var values = context.Values;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                values.SetMissing(cell);
                break;
            case JsonTokenType.Number:
                // The common case, a whole number in range for a whole-number cell, needs no string.
                if (values.Layout.Cells[cell].Type.Kind is CellTypeKind.Count or CellTypeKind.Integer
                    && reader.TryGetInt64(out var whole) && (whole >= 0 || values.Layout.Cells[cell].Type.Kind == CellTypeKind.Integer))
                {
                    values.SetWhole(cell, whole);
                    break;
                }

                Accept(context, cell, Encoding.UTF8.GetString(reader.ValueSpan), offset, fromString: false);
                break;
            case JsonTokenType.String:
                var text = reader.GetString() ?? string.Empty;
                if (string.IsNullOrWhiteSpace(text))
                {
                    values.SetMissing(cell);
                }
                else if (values.Layout.Cells[cell].Type.Kind == CellTypeKind.Text)
                {
                    values.SetText(cell, text);
                }
                else
                {
                    Accept(context, cell, text.Trim(), offset, fromString: true);
                }

                break;
            default:
                var raw = reader.TokenType is JsonTokenType.True or JsonTokenType.False ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.TokenType.ToString();
                reader.Skip();
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3105, cell, null, offset, values.Layout.Cells[cell].Id, raw);
                break;
        }
    }

    private static void Accept(CellContext context, int cell, string text, long offset, bool fromString)
    {
        var values = context.Values;
        var symbol = values.Layout.Cells[cell];
        if (symbol.Type.Kind == CellTypeKind.Text)
        {
            values.SetText(cell, text);
            return;
        }

        var isNumber = decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number);
        if (!isNumber)
        {
            values.SetInvalid(cell);
            var looksNumeric = !fromString && text.Length > 0;
            Report(context, looksNumeric ? DiagnosticCatalog.RD3111 : DiagnosticCatalog.RD3105, cell, null, offset, symbol.Id, text);
            return;
        }

        if (symbol.Type.IsWholeNumber)
        {
            if (number != decimal.Truncate(number))
            {
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3104, cell, number, offset, symbol.Id, text);
            }
            else if (number is > long.MaxValue or < long.MinValue)
            {
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3111, cell, number, offset, symbol.Id, text);
            }
            else if (number < 0 && symbol.Type.Kind == CellTypeKind.Count)
            {
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3103, cell, number, offset, symbol.Id, text);
            }
            else
            {
                values.SetWhole(cell, (long)number);
            }

            return;
        }

        var normalized = number / 1.0000000000000000000000000000m;
        if (normalized.Scale > symbol.Type.Precision)
        {
            values.SetInvalid(cell);
            Report(context, DiagnosticCatalog.RD3106, cell, number, offset, symbol.Id, text, symbol.Type.Precision);
            return;
        }

        values.SetAmount(cell, number);
    }

    // Findings are rare: their labels and location are worked out only when one is reported.
    private static void Report(CellContext context, DiagnosticDescriptor descriptor, int cell, decimal? value, long offset, params object[] arguments)
    {
        if (context.Findings.Wants(descriptor))
        {
            var location = context.Locate(offset);
            context.Findings.Add(Finding.ForData(descriptor, [context.Values.Layout.Describe(cell, value, location: location)], null, location, arguments));
        }
    }

    /// <summary>Turns byte offsets into 1-based lines and columns (in characters), computed only when a location is asked for.</summary>
    internal sealed class LineMap(ReadOnlySpan<byte> json)
    {
        private readonly byte[] _json = json.ToArray();
        private int[]? _lineStarts;

        public FindingLocation Locate(string path, long offset)
        {
            _lineStarts ??= ComputeLineStarts(_json);
            offset = Math.Clamp(offset, 0, _json.Length);
            var line = Array.BinarySearch(_lineStarts, (int)offset);
            line = line >= 0 ? line : ~line - 1;
            var column = 1;
            for (var i = _lineStarts[line]; i < offset && i < _json.Length; i++)
            {
                if ((_json[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return new FindingLocation(path, line + 1, column);
        }

        private static int[] ComputeLineStarts(byte[] json)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < json.Length; i++)
            {
                if (json[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }

            return [.. starts];
        }
    }
}
