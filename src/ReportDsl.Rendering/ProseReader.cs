using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Text;

namespace ReportDsl.Rendering;

/// <summary>
/// Reads the prose of a report that report data does not hold: the publication date and the narrative paragraphs of its
/// sections, from a JSON object such as <c>{"date": "2025-01-20", "sections": {"overview": "…", "problems": ["…", "…"]}}</c>
/// (docs/templates.md). A section's text is one string (paragraphs separated by line breaks) or a list of paragraphs.
/// Every problem is a diagnostic at its place in the file (RD4100–RD4102); nothing throws.
/// </summary>
internal static class ProseReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 8 };

    public static (ImmutableDictionary<string, string> Narratives, DateOnly? Date, ImmutableArray<Diagnostic> Diagnostics) Read(ReadOnlySpan<byte> json, string path, FormatSymbol format)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(json);
        }
        catch (DecoderFallbackException)
        {
            return ([], null, [DiagnosticCatalog.UnreadableProse(SourceText.From(string.Empty, path), default, "it is not UTF-8 text")]);
        }

        var source = SourceText.From(text, path);
        var state = new State(json, source, format);
        try
        {
            state.ReadRoot();
        }
        catch (JsonException exception)
        {
            // The reader stopped before the token it could not take: point at that token, not at the blanks before it.
            var at = state.LastOffset;
            while (at < json.Length && json[(int)at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                at++;
            }

            var offset = state.CharOffset(at);
            state.Diagnostics.Add(DiagnosticCatalog.UnreadableProse(source, new TextSpan(offset, 0), exception.Message.Split(" LineNumber:", 2)[0].TrimEnd('.')));
        }

        return state.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? ([], null, [.. state.Diagnostics])
            : (state.Narratives.ToImmutable(), state.Date, [.. state.Diagnostics]);
    }

    private ref struct State
    {
        private readonly ReadOnlySpan<byte> _json;
        private readonly SourceText _source;
        private readonly FormatSymbol _format;
        private Utf8JsonReader _reader;

        public State(ReadOnlySpan<byte> json, SourceText source, FormatSymbol format)
        {
            _json = json;
            _source = source;
            _format = format;
            _reader = new Utf8JsonReader(json, Options);
        }

        public List<Diagnostic> Diagnostics { get; } = [];

        public ImmutableDictionary<string, string>.Builder Narratives { get; } = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

        public DateOnly? Date { get; private set; }

        public long LastOffset { get; private set; }

        public readonly int CharOffset(long byteOffset) => Encoding.UTF8.GetCharCount(_json[..(int)Math.Min(byteOffset, _json.Length)]);

        public void ReadRoot()
        {
            if (!Next() || _reader.TokenType != JsonTokenType.StartObject)
            {
                Problem("the file is not a JSON object");
                return;
            }

            while (Next() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = _reader.GetString() ?? string.Empty;
                var at = Here();
                Next();
                switch (name)
                {
                    case "date":
                        ReadDate();
                        break;
                    case "sections":
                        ReadSections();
                        break;
                    default:
                        Diagnostics.Add(DiagnosticCatalog.UnreadableProse(_source, at, $"unknown property \"{name}\""));
                        _reader.Skip();
                        break;
                }
            }

            if (Next())
            {
                Problem("the file goes on after its JSON object");
            }
        }

        private void ReadDate()
        {
            if (_reader.TokenType == JsonTokenType.Null)
            {
                return;
            }

            var at = Here();
            var value = _reader.TokenType == JsonTokenType.String ? _reader.GetString() ?? string.Empty : Encoding.UTF8.GetString(_reader.ValueSpan);
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Date = date;
            }
            else
            {
                Diagnostics.Add(DiagnosticCatalog.ProseInvalidDate(_source, at, value));
                _reader.Skip();
            }
        }

        private void ReadSections()
        {
            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                Problem("\"sections\" is not an object of section names");
                _reader.Skip();
                return;
            }

            while (Next() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = _reader.GetString() ?? string.Empty;
                var at = Here();
                Next();
                var paragraphs = ReadParagraphs(name);
                if (paragraphs is null)
                {
                    continue;
                }

                var section = name;
                if (!_format.Sections.Any(s => s.Name == section))
                {
                    Diagnostics.Add(DiagnosticCatalog.ProseUnknownSection(_source, at, name, _format.Sections.Select(s => s.Name)));
                }
                else if (!Narratives.TryAdd(name, paragraphs))
                {
                    Diagnostics.Add(DiagnosticCatalog.UnreadableProse(_source, at, $"the section \"{name}\" is given twice"));
                }
            }
        }

        // A string, or an array of strings (one per paragraph); null (and a diagnostic) for anything else.
        private string? ReadParagraphs(string section)
        {
            if (_reader.TokenType == JsonTokenType.String)
            {
                return _reader.GetString() ?? string.Empty;
            }

            if (_reader.TokenType == JsonTokenType.StartArray)
            {
                var builder = new StringBuilder();
                while (Next() && _reader.TokenType != JsonTokenType.EndArray)
                {
                    if (_reader.TokenType != JsonTokenType.String)
                    {
                        Problem($"a paragraph of \"{section}\" is not a string");
                        _reader.Skip();
                        continue;
                    }

                    builder.Append(_reader.GetString()).Append('\n');
                }

                return builder.ToString();
            }

            Problem($"the text of \"{section}\" is neither a string nor a list of paragraphs");
            _reader.Skip();
            return null;
        }

        private bool Next()
        {
            LastOffset = _reader.BytesConsumed;
            var read = _reader.Read();
            if (read)
            {
                LastOffset = _reader.TokenStartIndex;
            }

            return read;
        }

        private readonly TextSpan Here()
        {
            var start = CharOffset(_reader.TokenStartIndex);
            var end = CharOffset(_reader.BytesConsumed);
            return new TextSpan(start, Math.Max(0, end - start));
        }

        private void Problem(string reason) => Diagnostics.Add(DiagnosticCatalog.UnreadableProse(_source, Here(), reason));
    }
}
