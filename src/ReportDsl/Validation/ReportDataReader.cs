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
/// Nothing is taken silently: a repeated key and a property the shape does not have are findings too.
/// </summary>
public static class ReportDataReader
{
    /// <summary>The largest report data read, in bytes: a report is about 12 KB, so anything near this is the wrong file.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 };

    // What the tool itself writes (ReportDataWriter) is accepted back: its extra metadata is ignored, not unknown.
    private static readonly string[] TopLevelProperties = ["$schema", "agency", "cells", "format", "formatChoice", "prose", "source", "version", "year"];
    private static readonly string[] CellProperties = ["columnLabels", "location", "rowLabels", "table", "value"];
    private static readonly string[] ProseProperties = ["heading", "location", "text"];

    // Repeating one of these with another value changes what is read; repeating anything else changes nothing.
    private static readonly HashSet<string> MeaningfulTopLevel = ["agency", "cells", "format", "prose", "version", "year"];

    /// <summary>The outcome of reading: the data, or the findings that made it unreadable.</summary>
    public sealed record Result(ReportData? Data, ImmutableArray<Finding> Errors);

    /// <summary>
    /// Reads UTF-8 JSON (a byte order mark is skipped). <paramref name="resolve"/> finds the layout for the declared
    /// format and version (null when unknown). The data keeps the bytes (not a copy) to locate findings later, so the
    /// caller must not reuse the buffer. At most <paramref name="maxFindings"/> findings are built; the rest are
    /// counted in <see cref="ReportData.OmittedFindings"/>.
    /// </summary>
    public static Result Read(ReadOnlyMemory<byte> json, string path, Func<string, string, CellLayout?> resolve, string specDescription, int maxFindings = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        if (json.Length > MaxBytes)
        {
            return new Result(null, [TooLarge(path, json.Length)]);
        }

        if (json.Span.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (IsEmpty(json.Span))
        {
            return new Result(null, [Finding.ForData(DiagnosticCatalog.RD3123, [], null, new FindingLocation(path, 1, 1))]);
        }

        var lines = new LineMap(json);
        var findings = new FindingCollector(Math.Max(0, maxFindings));
        if (!Utf8.IsValid(json.Span))
        {
            // Utf8JsonReader checks the JSON structure but not the encoding inside strings, and GetString throws on
            // bytes that are not UTF-8, so such a file is refused here, at its first bad byte (found by fuzzing).
            var at = lines.Locate(path, FirstInvalidByte(json.Span));
            return Fail(path, at.Line, at.Column, "the file is not UTF-8 text (save it as UTF-8)");
        }

        try
        {
            return new Run(json.Span, path, lines, findings, resolve, specDescription).Read();
        }
        catch (JsonException exception)
        {
            return Fail(path, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1, Clean(exception.Message));
        }
        catch (InvalidOperationException) when (FirstUndecodableString(json.Span) is { } offset)
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

    /// <summary>The finding for a file over <see cref="MaxBytes"/> (RD3124), for hosts that check the size before reading.</summary>
    public static Finding TooLarge(string path, long length) =>
        Finding.ForData(DiagnosticCatalog.RD3124, [], null, new FindingLocation(path, 1, 1), length, MaxBytes);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

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

    /// <summary>
    /// One reading, in a single pass when "format" and "version" come before "cells" (as every writer puts them): the
    /// cells are read as soon as the layout is known. Otherwise the cells are skipped and read in a second pass.
    /// </summary>
    private ref struct Run(ReadOnlySpan<byte> json, string path, LineMap lines, FindingCollector findings, Func<string, string, CellLayout?> resolve, string specDescription)
    {
        private readonly ReadOnlySpan<byte> _json = json;
        private string? _format;
        private string? _version;
        private string? _agency;
        private int? _year;
        private CellLayout? _layout;
        private bool _resolved;
        private CellContext? _cells;
        private long _cellsOffset = -1;
        private long _proseOffset = -1;

        public Result Read()
        {
            var reader = new Utf8JsonReader(_json, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("the report must be a JSON object", null, 0, 0);
            }

            // Only the known keys are remembered (a fixed few), so a file of a million unknown keys costs no memory.
            Span<(long Key, long Start, long End)> seen = stackalloc (long, long, long)[TopLevelProperties.Length];
            seen.Fill((-1, -1, -1));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? string.Empty;
                var keyOffset = reader.TokenStartIndex;
                reader.Read();
                var valueStart = reader.TokenStartIndex;
                var known = Array.BinarySearch(TopLevelProperties, name, StringComparer.Ordinal);
                var first = known >= 0 && seen[known].Key < 0;
                if (first)
                {
                    Take(ref reader, name, keyOffset);
                }

                reader.Skip();
                var valueEnd = reader.BytesConsumed;
                if (known < 0)
                {
                    Unknown(findings, lines, path, keyOffset, name, TopLevelProperties);
                }
                else if (first)
                {
                    seen[known] = (keyOffset, valueStart, valueEnd);
                }
                else
                {
                    var earlier = seen[known];
                    var same = _json[(int)earlier.Start..(int)earlier.End].SequenceEqual(_json[(int)valueStart..(int)valueEnd]);
                    Duplicate(findings, lines, path, keyOffset, earlier.Key, name, changesMeaning: !same && MeaningfulTopLevel.Contains(name));
                }
            }

            if (_format is null || _version is null)
            {
                return Fail(path, 1, 1, "the top-level object needs \"format\" and \"version\"");
            }

            if (Resolve() is not { } layout)
            {
                return new Result(null, [Finding.ForData(DiagnosticCatalog.RD3109, [], null, new FindingLocation(path, 1, 1), _format, _version, specDescription)]);
            }

            if (_cells is null)
            {
                _cells = NewContext(layout);
                if (_cellsOffset >= 0)
                {
                    ReadCellsLater(_cells);
                }
            }

            return new Result(Finish(_cells), []);
        }

        // The first occurrence of a known key: metadata is kept; "cells" is read now if the layout is known.
        private void Take(ref Utf8JsonReader reader, string name, long keyOffset)
        {
            switch (name)
            {
                case "format" when reader.TokenType == JsonTokenType.String:
                    _format = reader.GetString();
                    break;
                case "version" when reader.TokenType is JsonTokenType.String or JsonTokenType.Number:
                    _version = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
                    break;
                case "agency" when reader.TokenType == JsonTokenType.String:
                    _agency = reader.GetString();
                    break;
                case "year" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var y):
                    _year = y;
                    break;
                case "prose":
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("\"prose\" must be an object with the text of each section", null, 0, 0);
                    }

                    _proseOffset = keyOffset;
                    break;
                case "cells":
                    _cellsOffset = keyOffset;
                    if (_format is not null && _version is not null && Resolve() is { } layout)
                    {
                        Expect(reader.TokenType);
                        _cells = NewContext(layout);
                        ReadCellsObject(ref reader, _json, _cells);
                    }

                    break;
            }
        }

        private CellLayout? Resolve()
        {
            if (!_resolved && _format is not null && _version is not null)
            {
                _layout = resolve(_format, _version);
                _resolved = true;
            }

            return _layout;
        }

        private readonly CellContext NewContext(CellLayout layout) => new(path, lines, new ReportValues(layout), findings, $"{_format} {_version}");

        private readonly void ReadCellsLater(CellContext context)
        {
            var reader = new Utf8JsonReader(_json, Options);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCells = reader.TokenStartIndex == _cellsOffset;
                reader.Read();
                if (!isCells)
                {
                    reader.Skip();
                    continue;
                }

                Expect(reader.TokenType);
                ReadCellsObject(ref reader, _json, context);
                return;
            }
        }

        /// <summary>Reads "prose": the text of each section, a string or {"text", "heading", "location"}, in the format's order.</summary>
        private readonly List<(ProseSection Section, (long Start, int Length) Raw)> ReadProse(CellContext context)
        {
            var layout = context.Values.Layout;
            var sections = layout.Format.Sections;
            var read = new List<(ProseSection Section, (long Start, int Length) Raw, int Order)>();
            var firstKeys = new Dictionary<string, (long Key, long Start, long End)>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(_json, Options);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.TokenStartIndex != _proseOffset)
            {
                reader.Read();
                reader.Skip();
            }

            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? string.Empty;
                var keyOffset = reader.TokenStartIndex;
                reader.Read();
                var valueStart = reader.TokenStartIndex;
                var order = IndexOfSection(sections, name);
                if (order < 0)
                {
                    reader.Skip();
                    if (findings.Wants(DiagnosticCatalog.RD3126))
                    {
                        var names = sections.Select(s => s.Name).ToList();
                        var suggestion = NameSuggester.Suggest(name, names);
                        findings.Add(Finding.ForData(DiagnosticCatalog.RD3126, [], null, lines.Locate(path, keyOffset), name, context.FormatDescription,
                            string.Join(", ", names.Select(n => $"\"{n}\"")), suggestion is null ? string.Empty : new LocalizableText("DidYouMean", suggestion)));
                    }

                    continue;
                }

                if (firstKeys.TryGetValue(name, out var earlier))
                {
                    reader.Skip();
                    var same = _json[(int)earlier.Start..(int)earlier.End].SequenceEqual(_json[(int)valueStart..(int)reader.BytesConsumed]);
                    Duplicate(findings, lines, path, keyOffset, earlier.Key, name, changesMeaning: !same);
                    continue;
                }

                if (ReadProseValue(ref reader, name, context) is { } value)
                {
                    read.Add((value.Section, value.Raw, order));
                }

                firstKeys[name] = (keyOffset, valueStart, reader.BytesConsumed);
            }

            return [.. read.OrderBy(r => r.Order).Select(r => (r.Section, r.Raw))];
        }

        private static int IndexOfSection(ImmutableArray<SectionSymbol> sections, string name)
        {
            for (var i = 0; i < sections.Length; i++)
            {
                if (sections[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private readonly (ProseSection Section, (long Start, int Length) Raw)? ReadProseValue(ref Utf8JsonReader reader, string section, CellContext context)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return (new ProseSection(section, reader.GetString() ?? string.Empty), (reader.TokenStartIndex + 1, reader.ValueSpan.Length));
                case JsonTokenType.StartObject:
                    break;
                default:
                    var offset = reader.TokenStartIndex;
                    var found = reader.TokenType switch
                    {
                        JsonTokenType.StartArray => "array",
                        JsonTokenType.Number => "number",
                        _ => "true or false",
                    };
                    reader.Skip();
                    InvalidProse(context, offset, section, new LocalizableText("Prose_Found", found));
                    return null;
            }

            string? text = null;
            (long, int) raw = default;
            string? heading = null;
            FindingLocation? location = null;
            var textValid = true;
            Span<long> firstKey = stackalloc long[ProseProperties.Length];
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyOffset = reader.TokenStartIndex;
                var name = reader.GetString() ?? string.Empty;
                var index = Array.IndexOf(ProseProperties, name);
                reader.Read();
                var valueOffset = reader.TokenStartIndex;
                if (index < 0)
                {
                    reader.Skip();
                    Unknown(findings, lines, path, keyOffset, name, ProseProperties);
                    continue;
                }

                if ((seen & (1 << index)) != 0)
                {
                    reader.Skip();
                    Duplicate(findings, lines, path, keyOffset, firstKey[index], name, changesMeaning: name == "text");
                    continue;
                }

                seen |= 1 << index;
                firstKey[index] = keyOffset;
                switch (name)
                {
                    case "text" when reader.TokenType == JsonTokenType.String:
                        text = reader.GetString();
                        raw = (reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                        break;
                    case "text" when reader.TokenType == JsonTokenType.Null:
                        break;
                    case "heading" when reader.TokenType is JsonTokenType.String or JsonTokenType.Null:
                        heading = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case "location" when ReadLocation(ref reader) is { } at:
                        location = at;
                        break;
                    default:
                        textValid &= name != "text";
                        reader.Skip();
                        InvalidProse(context, valueOffset, section, new LocalizableText(name == "location" ? "Prose_BadLocation" : "Prose_BadProperty", name));
                        break;
                }
            }

            if (text is null)
            {
                if ((seen & (1 << Array.IndexOf(ProseProperties, "text"))) == 0)
                {
                    InvalidProse(context, reader.TokenStartIndex, section, new LocalizableText("Prose_NoText"));
                }

                return null;
            }

            return textValid ? (new ProseSection(section, text, location, heading), raw) : null;
        }

        // {"line": 3, "column": 1}, both positive whole numbers, nothing else; null for anything else (the reader is then past it).
        private readonly FindingLocation? ReadLocation(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var depthStart = reader.CurrentDepth;
            int? line = null;
            int? column = null;
            var valid = true;
            while (reader.Read() && reader.CurrentDepth > depthStart)
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    reader.Skip();
                    valid = false;
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && number > 0 && name is "line" or "column")
                {
                    if (name == "line")
                    {
                        line = number;
                    }
                    else
                    {
                        column = number;
                    }
                }
                else
                {
                    reader.Skip();
                    valid = false;
                }
            }

            return valid && line is { } l && column is { } c ? new FindingLocation(path, l, c) : null;
        }

        private readonly void InvalidProse(CellContext context, long offset, string section, LocalizableText found)
        {
            if (findings.Wants(DiagnosticCatalog.RD3127))
            {
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3127, [], null, lines.Locate(path, offset), section, found));
            }
        }

        private static void Expect(JsonTokenType token)
        {
            if (token != JsonTokenType.StartObject)
            {
                throw new JsonException("\"cells\" must be an object", null, 0, 0);
            }
        }

        private readonly ReportData Finish(CellContext context)
        {
            var values = context.Values;
            var layout = values.Layout;
            var locator = new CellLocator(path, lines, context.Offsets);
            var prose = _proseOffset < 0 ? [] : ReadProse(context);
            var (lineMap, file) = (lines, path);
            var stated = _proseOffset < 0 ? null : FactReader.Read(values, [.. prose.Select(p => p.Section)], Position, lines.Locate(path, _proseOffset), findings);
            var covered = ReportMissingParts(context, _cellsOffset);
            for (var cell = 0; cell < layout.Cells.Length; cell++)
            {
                if (values.StateOf(cell) != CellState.Missing || (covered is not null && covered[cell]))
                {
                    continue;
                }

                var symbol = layout.Cells[cell];
                if (symbol.Type.Default is { } value)
                {
                    AcceptString(context, cell, value, 0);
                    values.MarkDefaulted(cell);
                }
                else if (symbol.Presence == Presence.Optional)
                {
                    values.SetOmitted(cell);
                }
                else
                {
                    var descriptor = symbol.Presence == Presence.Required ? DiagnosticCatalog.RD3170 : DiagnosticCatalog.RD3101;
                    if (findings.Wants(descriptor))
                    {
                        var location = locator.Locate(cell);
                        object[] arguments = descriptor == DiagnosticCatalog.RD3101 ? [symbol.Id, BlankAdvice(symbol.Type)] : [symbol.Id];
                        // A cell not written at all belongs in "cells": the finding points there.
                        var place = location ?? (_cellsOffset >= 0 ? lines.Locate(path, _cellsOffset) : new FindingLocation(path, 1, 1));
                        findings.Add(Finding.ForData(descriptor, [layout.Describe(cell, null, location: location)], null, place, arguments));
                    }
                }
            }

            FindingLocation Position(ProseSection section, int index)
            {
                var (start, length) = prose.First(p => ReferenceEquals(p.Section, section)).Raw;
                return lineMap.LocateInString(file, start, length, index);
            }

            return new ReportData(path, _format ?? string.Empty, _version ?? string.Empty, values)
            {
                Agency = _agency,
                Year = _year,
                Locator = stated is null ? locator.Locate : cell => stated.TryGetValue(cell, out var at) ? at : locator.Locate(cell),
                Prose = [.. prose.Select(p => p.Section)],
                HasProse = _proseOffset >= 0,
                ReadFindings = findings.ToImmutable(),
                OmittedFindings = findings.Omitted,
                OmittedErrors = findings.OmittedErrors,
            };
        }
    }

    /// <summary>The advice a blank cell gets: 0 for numbers (a blank is never read as 0), plain "fill it in" for the rest.</summary>
    internal static LocalizableText BlankAdvice(CellType type) => new(type.IsNumeric ? "Advice_FillZero" : "Advice_Fill");

    /// <summary>
    /// A required section or table without a single value is reported once (RD3172, RD3171) instead of one RD3101 per
    /// cell; the finding lists the cells it leaves empty, so that the rules which could not be checked over them fold
    /// into it instead of following as RD3102 each. Returns the cells so covered.
    /// </summary>
    private static bool[]? ReportMissingParts(CellContext context, long cellsOffset)
    {
        var values = context.Values;
        var layout = values.Layout;
        bool[]? covered = null;
        foreach (var section in layout.Format.Sections.Where(s => !s.IsProse))
        {
            if (section.IsRequired && section.Tables.Any(t => t.Presence != Presence.Optional) && section.Tables.All(t => Blank(values, layout, t)))
            {
                Whole(context, cellsOffset, DiagnosticCatalog.RD3172, section.Label, section.Tables, ref covered);
                continue;
            }

            foreach (var table in section.Tables.Where(t => t.Presence == Presence.Required && Blank(values, layout, t)))
            {
                Whole(context, cellsOffset, DiagnosticCatalog.RD3171, table.Label, [table], ref covered);
            }
        }

        return covered;

        static bool Blank(ReportValues values, CellLayout layout, TableSymbol table) =>
            !table.Cells.IsEmpty && table.Cells.All(c => values.StateOf(layout.IndexOf(c)) == CellState.Missing);

        static void Whole(CellContext context, long cellsOffset, DiagnosticDescriptor descriptor, string label, IEnumerable<TableSymbol> tables, ref bool[]? covered)
        {
            var layout = context.Values.Layout;
            var cells = tables.SelectMany(t => t.Cells).Select(layout.IndexOf).ToList();
            covered ??= new bool[layout.Cells.Length];
            foreach (var cell in cells)
            {
                covered[cell] = true;
            }

            if (context.Findings.Wants(descriptor))
            {
                // Where the part is written, blank (its first cell given as null), or else where it belongs: in "cells".
                var written = cells.Where(c => context.Offsets[c] >= 0).Select(c => context.Offsets[c]).DefaultIfEmpty(cellsOffset).Min();
                var location = written >= 0 ? context.Locate(written) : new FindingLocation(context.Path, 1, 1);
                context.Findings.Add(Finding.ForUnread(descriptor, [.. cells.Select(c => layout.Describe(c, null))], location, label));
            }
        }
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

    private static void ReadCellsObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, CellContext context)
    {
        var (path, lines, findings, layout, offsets) = (context.Path, context.Lines, context.Findings, context.Values.Layout, context.Offsets);
        // Where each value lies, to compare a repeated key's value with the first; only cells already seen are read.
        var valueBounds = ArrayPool<(int Start, int End)>.Shared.Rent(layout.Cells.Length);
        Span<byte> unescaped = stackalloc byte[256];
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Identifiers are looked up by their UTF-8 bytes (unescaped into a stack buffer when written with escapes,
            // which never lengthen them): no string per cell unless the cell is unknown. A fact is read from the text
            // ("prose"), never from "cells".
            var known = (!reader.ValueIsEscaped ? layout.TryGetIndex(reader.ValueSpan, expected, out var cell)
                : reader.ValueSpan.Length <= unescaped.Length ? layout.TryGetIndex(unescaped[..reader.CopyString(unescaped)], expected, out cell)
                : layout.TryGetIndex(reader.GetString() ?? string.Empty, out cell)) && cell < layout.FirstFact;
            var offset = reader.TokenStartIndex;
            var id = known ? null : reader.GetString() ?? string.Empty;
            expected = known ? cell + 1 : expected;
            reader.Read();
            if (id is not null)
            {
                if (findings.Wants(DiagnosticCatalog.RD3107))
                {
                    var suggestion = NameSuggester.Suggest(id, layout.Cells.Take(layout.FirstFact).Select(c => c.Id));
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
                var same = json[earlier.Start..earlier.End].SequenceEqual(json[(int)valueStart..(int)valueEnd]);
                Duplicate(findings, lines, path, offset, offsets[cell], layout.Cells[cell].Id, changesMeaning: !same);
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

            valueBounds[cell] = ((int)valueStart, (int)reader.BytesConsumed);
        }

        // Not returned when the JSON turns out broken (an exception): the pool then makes a new array, no harm done.
        ArrayPool<(int Start, int End)>.Shared.Return(valueBounds);
    }

    /// <summary>What reading one value needs besides the JSON reader; one per file, so reading a cell allocates nothing.</summary>
    private sealed class CellContext(string path, LineMap lines, ReportValues values, FindingCollector findings, string formatDescription)
    {
        public string Path { get; } = path;

        public LineMap Lines { get; } = lines;

        public ReportValues Values { get; } = values;

        public FindingCollector Findings { get; } = findings;

        public string FormatDescription { get; } = formatDescription;

        /// <summary>Gets the byte offset of each cell's key, -1 while the cell has not been seen.</summary>
        public long[] Offsets { get; } = NewOffsets(values.Layout.Cells.Length);

        public FindingLocation Locate(long offset) => Lines.Locate(Path, offset);

        private static long[] NewOffsets(int count)
        {
            var offsets = new long[count];
            Array.Fill(offsets, -1);
            return offsets;
        }
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
                // The common case, a whole number in range for a whole-number cell without a range, needs no string.
                var plain = values.Layout.WholeReadOf(cell);
                if (plain != CellLayout.WholeRead.No && reader.TryGetInt64(out var whole) && (whole >= 0 || plain == CellLayout.WholeRead.Any))
                {
                    values.SetWhole(cell, whole);
                    break;
                }

                var kind = values.Layout.Cells[cell].Type.Kind;

                if (kind is CellTypeKind.Date or CellTypeKind.Boolean or CellTypeKind.Enum or CellTypeKind.Text)
                {
                    AcceptWord(context, cell, Encoding.UTF8.GetString(reader.ValueSpan), offset);
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
                else
                {
                    AcceptString(context, cell, text, offset);
                }

                break;
            case JsonTokenType.True or JsonTokenType.False when values.Layout.Cells[cell].Type.Kind == CellTypeKind.Boolean:
                values.SetText(cell, reader.TokenType == JsonTokenType.True ? "true" : "false");
                break;
            default:
                var raw = reader.TokenType is JsonTokenType.True or JsonTokenType.False ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.TokenType.ToString();
                reader.Skip();
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3105, cell, null, offset, values.Layout.Cells[cell].Id, raw);
                break;
        }
    }

    // A value written as a string: words for the types without arithmetic, a number (a percent may end in %) for the rest.
    private static void AcceptString(CellContext context, int cell, string text, long offset)
    {
        var type = context.Values.Layout.Cells[cell].Type;
        if (!type.IsNumeric)
        {
            AcceptWord(context, cell, text, offset);
            return;
        }

        var trimmed = text.Trim();
        if (type.Kind == CellTypeKind.Percent && trimmed.EndsWith('%'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        Accept(context, cell, trimmed, offset, fromString: true);
    }

    private static void AcceptWord(CellContext context, int cell, string text, long offset)
    {
        var values = context.Values;
        var symbol = values.Layout.Cells[cell];
        var type = symbol.Type;
        switch (type.Kind)
        {
            case CellTypeKind.Date when !ValueFacts.IsDate(text):
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3176, cell, null, offset, symbol.Id, text);
                return;
            case CellTypeKind.Boolean when ValueFacts.Boolean(text) is not { } truth:
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3177, cell, null, offset, symbol.Id, text);
                return;
            case CellTypeKind.Boolean:
                values.SetText(cell, ValueFacts.Boolean(text) == true ? "true" : "false");
                return;
            case CellTypeKind.Enum when !type.Words.Contains(text.Trim()):
                values.SetInvalid(cell);
                Report(context, DiagnosticCatalog.RD3175, cell, null, offset, symbol.Id, text, string.Join(", ", type.Words.Select(w => $"\"{w}\"")));
                return;
            case CellTypeKind.Enum or CellTypeKind.Date:
                values.SetText(cell, text.Trim());
                return;
        }

        values.SetText(cell, text);
        if (type.Pattern is { } pattern && !ValueFacts.Matches(pattern, text))
        {
            Report(context, DiagnosticCatalog.RD3174, cell, null, offset, symbol.Id, text, pattern);
        }
    }

    private static void Accept(CellContext context, int cell, string text, long offset, bool fromString)
    {
        var values = context.Values;
        var symbol = values.Layout.Cells[cell];
        if (!symbol.Type.IsNumeric)
        {
            AcceptWord(context, cell, text, offset);
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
                CheckRange(context, cell, number, offset, text);
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
        CheckRange(context, cell, number, offset, text);
    }

    // A value outside the declared range is still the value written: it is reported, and rules still read it.
    private static void CheckRange(CellContext context, int cell, decimal number, long offset, string text)
    {
        var type = context.Values.Layout.Cells[cell].Type;
        if (!ValueFacts.InRange(type, number))
        {
            var range = string.Concat(type.Minimum?.ToString(CultureInfo.InvariantCulture), "..", type.Maximum?.ToString(CultureInfo.InvariantCulture));
            Report(context, DiagnosticCatalog.RD3173, cell, number, offset, context.Values.Layout.Cells[cell].Id, text, range);
        }
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
    internal sealed class LineMap(ReadOnlyMemory<byte> json)
    {
        private readonly ReadOnlyMemory<byte> _json = json;
        private int[]? _lineStarts;

        // The last place located: cells are located in the order they are read, and a batch's files are often one
        // line long, so counting columns from the line's start each time made a file's findings cost its length each.
        private (int Line, int Offset, int Column) _last = (-1, 0, 1);

        public FindingLocation Locate(string path, long offset)
        {
            var json = _json.Span;
            _lineStarts ??= ComputeLineStarts(json);
            var at = (int)Math.Clamp(offset, 0, json.Length);
            var line = Array.BinarySearch(_lineStarts, at);
            line = line >= 0 ? line : ~line - 1;
            var (start, column) = _last.Line == line && _last.Offset <= at ? (_last.Offset, _last.Column) : (_lineStarts[line], 1);
            for (var i = start; i < at; i++)
            {
                if ((json[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            _last = (line, at, column);
            return new FindingLocation(path, line + 1, column);
        }

        /// <summary>
        /// Where the character at <paramref name="index"/> of a decoded JSON string is: the string's raw bytes start at
        /// <paramref name="start"/> (after the quote) and escapes such as \n or \u4E00 count as one character.
        /// </summary>
        public FindingLocation LocateInString(string path, long start, int length, int index)
        {
            var json = _json.Span;
            var offset = (int)start;
            var end = Math.Min(json.Length, (int)start + length);
            for (var decoded = 0; decoded < index && offset < end;)
            {
                if (json[offset] == (byte)'\\')
                {
                    offset += offset + 1 < end && json[offset + 1] == (byte)'u' ? 6 : 2;
                    decoded++;
                    continue;
                }

                var lead = json[offset];
                var bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
                offset += bytes;
                decoded += bytes == 4 ? 2 : 1;
            }

            return Locate(path, Math.Min(offset, end));
        }

        private static int[] ComputeLineStarts(ReadOnlySpan<byte> json)
        {
            var starts = new List<int> { 0 };
            for (var i = json.IndexOf((byte)'\n'); i >= 0;)
            {
                starts.Add(i + 1);
                var next = json[(i + 1)..].IndexOf((byte)'\n');
                i = next < 0 ? -1 : i + 1 + next;
            }

            return [.. starts];
        }
    }
}
