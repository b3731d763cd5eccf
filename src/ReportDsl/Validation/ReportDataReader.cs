using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ReportDsl.Binding;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// Reads report data in the documented JSON shape (docs/validation.md). Every value is checked against its cell's type;
/// each problem is a finding with the value's line and column. Absent, null and blank values are missing, never 0.
/// </summary>
public static class ReportDataReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 };

    /// <summary>The outcome of reading: the data, or the findings that made it unreadable (codes RD3109, RD3110).</summary>
    public sealed record Result(ReportData? Data, ImmutableArray<Finding> Errors);

    /// <summary>Reads UTF-8 JSON. <paramref name="resolve"/> finds the layout for the declared format and version (null when unknown).</summary>
    public static Result Read(ReadOnlySpan<byte> json, string path, Func<string, string, CellLayout?> resolve, string specDescription)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var lines = new LineMap(json);
        if (!Utf8.IsValid(json))
        {
            // Utf8JsonReader checks the JSON structure but not the encoding inside strings, and GetString throws on
            // bytes that are not UTF-8, so such a file is refused here, at its first bad byte (found by fuzzing).
            var at = lines.Locate(path, FirstInvalidByte(json));
            return Fail(path, at.Line, at.Column, "the file is not UTF-8 text (save it as UTF-8)");
        }

        try
        {
            var (format, version, agency, year) = ReadHeader(json);
            if (format is null || version is null)
            {
                return Fail(path, 1, 1, "the top-level object needs \"format\" and \"version\"");
            }

            var layout = resolve(format, version);
            if (layout is null)
            {
                var finding = Finding.ForData(DiagnosticCatalog.RD3109, [], null, new FindingLocation(path, 1, 1), format, version, specDescription);
                return new Result(null, [finding]);
            }

            return new Result(ReadCells(json, path, layout, lines, format, version, agency, year), []);
        }
        catch (JsonException exception)
        {
            return Fail(path, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1, Clean(exception.Message));
        }
        catch (InvalidOperationException) when (FirstUndecodableString(json) is { } offset)
        {
            // Utf8JsonReader accepts an escaped surrogate without its pair ("\ud800"), but GetString throws on it
            // (found by fuzzing).
            var at = lines.Locate(path, offset);
            return Fail(path, at.Line, at.Column, "a string has a \\u escape of half a surrogate pair (\\uD800 to \\uDFFF) without the other half");
        }
    }

    private static long? FirstUndecodableString(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return reader.TokenStartIndex;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The strings before the syntax error all decoded, so the exception came from elsewhere.
        }

        return null;
    }

    /// <summary>The finding for an input that could not be read at all (RD3110).</summary>
    public static Finding Unreadable(string path, string reason) =>
        Finding.ForData(DiagnosticCatalog.RD3110, [], null, new FindingLocation(path, 1, 1), reason.TrimEnd('.'));

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

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

    private static (string? Format, string? Version, string? Agency, int? Year) ReadHeader(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the report must be a JSON object", null, 0, 0);
        }

        string? format = null, version = null, agency = null;
        int? year = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
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
                default:
                    reader.Skip();
                    break;
            }
        }

        return (format, version, agency, year);
    }

    private static ReportData ReadCells(ReadOnlySpan<byte> json, string path, CellLayout layout, LineMap lines, string format, string version, string? agency, int? year)
    {
        var values = new ReportValues(layout);
        var offsets = new long[layout.Cells.Length];
        Array.Fill(offsets, -1);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCells = reader.ValueTextEquals("cells"u8);
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

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var id = reader.GetString() ?? string.Empty;
                var offset = reader.TokenStartIndex;
                reader.Read();
                if (!layout.TryGetIndex(id, out var cell))
                {
                    var suggestion = NameSuggester.Suggest(id, layout.Cells.Select(c => c.Id));
                    findings.Add(Finding.ForData(DiagnosticCatalog.RD3107, [], null, lines.Locate(path, offset), id, $"{format} {version}",
                        suggestion is null ? string.Empty : new LocalizableText("DidYouMean", suggestion)));
                    reader.Skip();
                    continue;
                }

                offsets[cell] = offset;
                var location = new Lazy<FindingLocation>(() => lines.Locate(path, offset), LazyThreadSafetyMode.None);
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadValueObject(ref reader, values, cell, location, findings);
                }
                else
                {
                    ReadValue(ref reader, values, cell, location, findings);
                }
            }
        }

        var locator = new CellLocator(path, lines, offsets);
        for (var cell = 0; cell < layout.Cells.Length; cell++)
        {
            if (values.StateOf(cell) == CellState.Missing)
            {
                var location = locator.Locate(cell);
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3101, [layout.Describe(cell, null, location: location)], null, location ?? new FindingLocation(path, 1, 1), layout.Cells[cell].Id));
            }
        }

        return new ReportData(path, format, version, values)
        {
            Agency = agency,
            Year = year,
            Locator = locator.Locate,
            ReadFindings = findings.ToImmutable(),
        };
    }

    // A cell may be written as {"value": 3, "rowLabels": [...], ...}, the shape the tool itself writes; labels are ignored.
    private static void ReadValueObject(ref Utf8JsonReader reader, ReportValues values, int cell, Lazy<FindingLocation> location, ImmutableArray<Finding>.Builder findings)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isValue = reader.ValueTextEquals("value"u8);
            reader.Read();
            if (isValue)
            {
                ReadValue(ref reader, values, cell, location, findings);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ReadValue(ref Utf8JsonReader reader, ReportValues values, int cell, Lazy<FindingLocation> location, ImmutableArray<Finding>.Builder findings)
    {
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

                Accept(values, cell, Encoding.UTF8.GetString(reader.ValueSpan), location, findings, fromString: false);
                break;
            case JsonTokenType.String:
                var text = reader.GetString() ?? string.Empty;
                if (values.Layout.Cells[cell].Type.Kind == CellTypeKind.Text)
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        values.SetMissing(cell);
                    }
                    else
                    {
                        values.SetText(cell, text);
                    }
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    values.SetMissing(cell);
                }
                else
                {
                    Accept(values, cell, text.Trim(), location, findings, fromString: true);
                }

                break;
            default:
                var raw = reader.TokenType is JsonTokenType.True or JsonTokenType.False ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.TokenType.ToString();
                reader.Skip();
                values.SetInvalid(cell);
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3105, [values.Layout.Describe(cell, null, location: location.Value)], null, location.Value, values.Layout.Cells[cell].Id, raw));
                break;
        }
    }

    private static void Accept(ReportValues values, int cell, string text, Lazy<FindingLocation> location, ImmutableArray<Finding>.Builder findings, bool fromString)
    {
        var symbol = values.Layout.Cells[cell];
        if (symbol.Type.Kind == CellTypeKind.Text)
        {
            values.SetText(cell, text);
            return;
        }

        // Findings are rare: their labels and location are worked out only when one is reported.
        FindingCell Describe(decimal? value) => values.Layout.Describe(cell, value, location: location.Value);
        var isNumber = decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number);
        if (!isNumber)
        {
            values.SetInvalid(cell);
            var looksNumeric = !fromString && text.Length > 0;
            findings.Add(Finding.ForData(looksNumeric ? DiagnosticCatalog.RD3111 : DiagnosticCatalog.RD3105, [Describe(null)], null, location.Value, symbol.Id, text));
            return;
        }

        if (symbol.Type.IsWholeNumber)
        {
            if (number != decimal.Truncate(number))
            {
                values.SetInvalid(cell);
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3104, [Describe(number)], null, location.Value, symbol.Id, text));
            }
            else if (number is > long.MaxValue or < long.MinValue)
            {
                values.SetInvalid(cell);
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3111, [Describe(number)], null, location.Value, symbol.Id, text));
            }
            else if (number < 0 && symbol.Type.Kind == CellTypeKind.Count)
            {
                values.SetInvalid(cell);
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3103, [Describe(number)], null, location.Value, symbol.Id, text));
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
            findings.Add(Finding.ForData(DiagnosticCatalog.RD3106, [Describe(number)], null, location.Value, symbol.Id, text, symbol.Type.Precision));
            return;
        }

        values.SetAmount(cell, number);
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
