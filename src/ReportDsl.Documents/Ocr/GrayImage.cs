using System.Globalization;
using System.Text;

namespace ReportDsl.Documents.Ocr;

/// <summary>
/// An 8-bit grey page as pdftoppm writes it (binary PGM), with the ruling lines of its tables found and erased:
/// tables are read from the lines, and OCR reads the text better without them.
/// </summary>
internal sealed class GrayImage
{
    // A pixel darker than this may belong to a ruling line: thin lines are drawn light grey (anti-aliased, about 130 to
    // 195 at 200 dpi), lighter than the strokes of text.
    private const byte Ink = 210;

    // Beside a line, a pixel lighter than this is its anti-aliased fringe, not a stroke of a character touching it.
    private const byte Fringe = 100;

    private readonly byte[] _pixels;

    private GrayImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Reads a binary PGM (P5, 8-bit); null when the bytes are not one.</summary>
    public static GrayImage? FromPgm(byte[] bytes)
    {
        var position = 0;
        string? Token()
        {
            while (position < bytes.Length && (char.IsWhiteSpace((char)bytes[position]) || bytes[position] == '#'))
            {
                if (bytes[position] == '#')
                {
                    while (position < bytes.Length && bytes[position] != '\n')
                    {
                        position++;
                    }
                }
                else
                {
                    position++;
                }
            }

            var start = position;
            while (position < bytes.Length && !char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            return position > start ? Encoding.ASCII.GetString(bytes, start, position - start) : null;
        }

        if (Token() != "P5"
            || !int.TryParse(Token(), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(Token(), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || Token() != "255" || width <= 0 || height <= 0)
        {
            return null;
        }

        position++;
        var length = (long)width * height;
        return bytes.Length - position < length ? null : new GrayImage(width, height, bytes.AsSpan(position, (int)length).ToArray());
    }

    /// <summary>The image as a binary PGM.</summary>
    public byte[] ToPgm()
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{Width} {Height}\n255\n"));
        return [.. header, .. _pixels];
    }

    /// <summary>
    /// Finds the ruling lines (runs of ink at least <paramref name="shortest"/> pixels long, horizontal and vertical),
    /// erases them, and returns them in pixels: horizontal ones as (y, left, right), vertical ones as (x, top, bottom).
    /// </summary>
    public (List<(double Y, int Left, int Right)> Horizontal, List<(double X, int Top, int Bottom)> Vertical) EraseLines(int shortest)
    {
        var horizontal = Runs(Width, Height, (along, across) => _pixels[(across * Width) + along], shortest);
        var vertical = Runs(Height, Width, (along, across) => _pixels[(along * Width) + across], shortest);
        foreach (var (across, from, to) in horizontal)
        {
            Erase(from, to, across, across);
        }

        foreach (var (across, from, to) in vertical)
        {
            Erase(across, across, from, to);
        }

        return ([.. Merge(horizontal).Select(m => (m.Across, m.From, m.To))], [.. Merge(vertical).Select(m => (m.Across, m.From, m.To))]);
    }

    /// <summary>Runs of ink along one direction (rows for horizontal lines, columns for vertical ones).</summary>
    private static List<(int Across, int From, int To)> Runs(int length, int count, Func<int, int, byte> pixel, int shortest)
    {
        var runs = new List<(int, int, int)>();
        for (var across = 0; across < count; across++)
        {
            var start = -1;
            for (var along = 0; along <= length; along++)
            {
                var ink = along < length && pixel(along, across) < Ink;
                if (ink && start < 0)
                {
                    start = along;
                }
                else if (!ink && start >= 0)
                {
                    if (along - start >= shortest)
                    {
                        runs.Add((across, start, along - 1));
                    }

                    start = -1;
                }
            }
        }

        return runs;
    }

    /// <summary>Runs on neighbouring rows (or columns) that overlap are one line, as thick as the rows it spans.</summary>
    private static List<(double Across, int From, int To)> Merge(List<(int Across, int From, int To)> runs)
    {
        var lines = new List<(int First, int Last, int From, int To)>();
        foreach (var run in runs.OrderBy(r => r.Across).ThenBy(r => r.From))
        {
            var index = lines.FindLastIndex(l => run.Across - l.Last <= 2 && run.From <= l.To && l.From <= run.To);
            if (index >= 0)
            {
                var line = lines[index];
                lines[index] = (line.First, run.Across, Math.Min(line.From, run.From), Math.Max(line.To, run.To));
            }
            else
            {
                lines.Add((run.Across, run.Across, run.From, run.To));
            }
        }

        return [.. lines.Select(l => ((l.First + l.Last) / 2.0, l.From, l.To))];
    }

    /// <summary>Whitens a line with its anti-aliased fringe (one pixel each side).</summary>
    private void Erase(int left, int right, int top, int bottom)
    {
        var horizontal = top == bottom;
        for (var y = Math.Max(0, top - (horizontal ? 1 : 0)); y <= Math.Min(Height - 1, bottom + (horizontal ? 1 : 0)); y++)
        {
            for (var x = Math.Max(0, left - (horizontal ? 0 : 1)); x <= Math.Min(Width - 1, right + (horizontal ? 0 : 1)); x++)
            {
                var on = horizontal ? y == top : x == left;
                if (on || _pixels[(y * Width) + x] > Fringe)
                {
                    _pixels[(y * Width) + x] = 255;
                }
            }
        }
    }
}
