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

    /// <summary>
    /// The boxes of ink (8-connected strokes darker than mid-grey) outside the given boxes, leaving out specks: what OCR
    /// passed over, such as a digit standing alone in its cell.
    /// </summary>
    public List<(int Left, int Top, int Right, int Bottom)> InkOutside(IEnumerable<(int Left, int Top, int Right, int Bottom)> covered)
    {
        var ink = new bool[_pixels.Length];
        for (var i = 0; i < _pixels.Length; i++)
        {
            ink[i] = _pixels[i] < 128;
        }

        foreach (var (left, top, right, bottom) in covered)
        {
            for (var y = Math.Max(0, top - 2); y <= Math.Min(Height - 1, bottom + 2); y++)
            {
                Array.Fill(ink, false, (y * Width) + Math.Max(0, left - 2), Math.Max(0, Math.Min(Width - 1, right + 2) - Math.Max(0, left - 2) + 1));
            }
        }

        var blobs = new List<(int, int, int, int)>();
        var stack = new Stack<int>();
        for (var start = 0; start < ink.Length; start++)
        {
            if (!ink[start])
            {
                continue;
            }

            var (l, t, r, b, count) = (start % Width, start / Width, start % Width, start / Width, 0);
            ink[start] = false;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                var (x, y) = (at % Width, at / Width);
                (l, t, r, b, count) = (Math.Min(l, x), Math.Min(t, y), Math.Max(r, x), Math.Max(b, y), count + 1);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx >= 0 && ny >= 0 && nx < Width && ny < Height && ink[(ny * Width) + nx])
                        {
                            ink[(ny * Width) + nx] = false;
                            stack.Push((ny * Width) + nx);
                        }
                    }
                }
            }

            // A stroke of a digit at 200 dpi is at least a dozen pixels; dust and the ends of erased lines are less.
            if (count >= 12 && b - t >= 6)
            {
                blobs.Add((l, t, r, b));
            }
        }

        return blobs;
    }

    /// <summary>
    /// Copies the given regions one under the other onto a white page with room between them, for OCR to read them
    /// as lines of their own; returns the page and where each region's top now is.
    /// </summary>
    public (GrayImage Image, List<int> Tops) Stack(IReadOnlyList<(int Left, int Top, int Right, int Bottom)> regions, int gap)
    {
        var width = regions.Max(r => r.Right - r.Left + 1) + (2 * gap);
        var height = regions.Sum(r => r.Bottom - r.Top + 1 + gap) + gap;
        var pixels = new byte[(long)width * height];
        Array.Fill(pixels, (byte)255);
        var tops = new List<int>();
        var cursor = gap;
        foreach (var (left, top, right, bottom) in regions)
        {
            tops.Add(cursor);
            for (var y = top; y <= bottom; y++)
            {
                Array.Copy(_pixels, (y * Width) + left, pixels, ((cursor + y - top) * width) + gap, right - left + 1);
            }

            cursor += bottom - top + 1 + gap;
        }

        return (new GrayImage(width, height, pixels), tops);
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
