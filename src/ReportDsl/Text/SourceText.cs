using System.Collections.Immutable;

namespace ReportDsl.Text;

/// <summary>An immutable source file: its path (for display only), its text, and a map from offsets to lines.</summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    private SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>Gets the path the text was read from, as the host gave it; used in diagnostics.</summary>
    public string Path { get; }

    /// <summary>Gets the whole text.</summary>
    public string Text { get; }

    /// <summary>Gets the number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>Gets the number of lines (an empty text has one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Creates a source text from a string.</summary>
    public static SourceText From(string text, string path = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return new SourceText(path, text);
    }

    /// <summary>Gets the offset of the first character that could not be decoded, when the text came from bytes that are not valid UTF-8.</summary>
    public int? InvalidEncodingOffset { get; private init; }

    /// <summary>
    /// Decodes UTF-8 bytes. Bytes that are not valid UTF-8 become U+FFFD and the first one is remembered, so that the
    /// parser reports it; nothing is lost silently.
    /// </summary>
    public static SourceText FromBytes(ReadOnlySpan<byte> bytes, string path = "")
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return new SourceText(path, StrictUtf8.GetString(bytes));
        }
        catch (System.Text.DecoderFallbackException)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            return new SourceText(path, text) { InvalidEncodingOffset = Math.Max(0, text.IndexOf('\uFFFD', StringComparison.Ordinal)) };
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Gets the text of a span.</summary>
    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Gets the 1-based line and column of an offset. Columns count UTF-16 code units, as editors do.</summary>
    public LinePosition GetLinePosition(int position)
    {
        position = Math.Clamp(position, 0, Text.Length);
        var line = GetLineIndex(position);
        return new LinePosition(line + 1, position - _lineStarts[line] + 1);
    }

    /// <summary>Gets the span of a 0-based line, without its line break.</summary>
    public TextSpan GetLineSpan(int lineIndex)
    {
        var start = _lineStarts[lineIndex];
        var end = lineIndex + 1 < _lineStarts.Length ? _lineStarts[lineIndex + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Gets the 0-based line that holds an offset.</summary>
    public int GetLineIndex(int position)
    {
        var index = _lineStarts.BinarySearch(Math.Clamp(position, 0, Text.Length));
        return index >= 0 ? index : ~index - 1;
    }

    private static ImmutableArray<int> ComputeLineStarts(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c is '\n' or '\u2028' or '\u2029')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToImmutable();
    }
}
