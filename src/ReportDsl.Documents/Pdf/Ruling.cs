namespace ReportDsl.Documents.Pdf;

/// <summary>
/// A page's ruling lines sorted for the layout's questions: vertical borders by X, horizontal rules by Y. The layout
/// asks about the lines near one glyph or cell many times a page; scanning every line each time made a ruled page's
/// cost the product of its glyphs and its lines (a generated page of a few hundred cells took a quarter of a second).
/// </summary>
internal sealed class Ruling
{
    private readonly Border[] borders;
    private readonly Rule[] rules;

    public Ruling(IReadOnlyList<Border> borders, IReadOnlyList<Rule> rules)
    {
        this.borders = [.. borders];
        Array.Sort(this.borders, (a, b) => a.X.CompareTo(b.X));
        this.rules = [.. rules];
        Array.Sort(this.rules, (a, b) => a.Y.CompareTo(b.Y));
    }

    /// <summary>Whether the page draws no vertical borders.</summary>
    public bool NoBorders => borders.Length == 0;

    /// <summary>Whether the page draws no horizontal rules.</summary>
    public bool NoRules => rules.Length == 0;

    /// <summary>Whether a vertical border strictly between <paramref name="fromX"/> and <paramref name="toX"/> crosses the band from <paramref name="bottom"/> to <paramref name="top"/> (both open).</summary>
    public bool BorderBetween(double fromX, double toX, double bottom, double top)
    {
        for (var i = FirstBorderAbove(fromX); i < borders.Length && borders[i].X < toX; i++)
        {
            if (borders[i].Bottom < top && borders[i].Top > bottom)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a vertical border from <paramref name="fromX"/> (open) to <paramref name="toX"/> (closed) spans height <paramref name="y"/> (closed).</summary>
    public bool BorderSpanning(double fromX, double toX, double y)
    {
        for (var i = FirstBorderAbove(fromX); i < borders.Length && borders[i].X <= toX; i++)
        {
            if (borders[i].Bottom <= y && borders[i].Top >= y)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The X of the nearest vertical border at or right of <paramref name="x"/> that spans height <paramref name="y"/>; <see cref="double.MaxValue"/> if none.</summary>
    public double RightBorder(double x, double y)
    {
        for (var i = FirstBorderAtOrAbove(x); i < borders.Length; i++)
        {
            if (borders[i].Bottom <= y && borders[i].Top >= y)
            {
                return borders[i].X;
            }
        }

        return double.MaxValue;
    }

    /// <summary>The X of the nearest vertical border at or left of <paramref name="x"/> that spans height <paramref name="y"/>; <see cref="double.MinValue"/> if none.</summary>
    public double LeftBorder(double x, double y)
    {
        for (var i = FirstBorderAbove(x) - 1; i >= 0; i--)
        {
            if (borders[i].Bottom <= y && borders[i].Top >= y)
            {
                return borders[i].X;
            }
        }

        return double.MinValue;
    }

    /// <summary>Whether a horizontal rule strictly between heights <paramref name="bottom"/> and <paramref name="top"/> overlaps the open span from <paramref name="left"/> to <paramref name="right"/>.</summary>
    public bool RuleBetween(double bottom, double top, double left, double right)
    {
        var i = Lower(rules, bottom, static r => r.Y, inclusive: false);
        for (; i < rules.Length && rules[i].Y < top; i++)
        {
            if (rules[i].Left < right && rules[i].Right > left)
            {
                return true;
            }
        }

        return false;
    }

    private int FirstBorderAbove(double x) => Lower(borders, x, static b => b.X, inclusive: false);

    private int FirstBorderAtOrAbove(double x) => Lower(borders, x, static b => b.X, inclusive: true);

    // The index of the first item whose key is above (or, inclusive, at or above) the value.
    private static int Lower<T>(T[] items, double value, Func<T, double> key, bool inclusive)
    {
        var (low, high) = (0, items.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var k = key(items[middle]);
            if (inclusive ? k < value : k <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
