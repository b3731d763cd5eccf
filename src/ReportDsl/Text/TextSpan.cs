namespace ReportDsl.Text;

/// <summary>A range of characters in a source text, as a 0-based start offset and a length.</summary>
public readonly record struct TextSpan(int Start, int Length) : IComparable<TextSpan>
{
    /// <summary>Gets the offset just past the last character of the span.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from a start and an end offset.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>Gets whether the offset lies inside the span.</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <inheritdoc />
    public int CompareTo(TextSpan other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Length.CompareTo(other.Length);
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
