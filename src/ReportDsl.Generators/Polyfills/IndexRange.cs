using System.Runtime.CompilerServices;

namespace System;

// System.Index and System.Range as .NET defines them, for the `^1` and `a..b` the core's sources use: netstandard2.0
// lacks both, and the compiler lowers those expressions to exactly these members.

/// <summary>A position counted from the start or, with <c>^</c>, from the end of a sequence.</summary>
internal readonly struct Index : IEquatable<Index>
{
    private readonly int value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Index(int value, bool fromEnd = false)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "value must be non-negative");
        }

        this.value = fromEnd ? ~value : value;
    }

    private Index(int value) => this.value = value;

    public static Index Start => new(0);

    public static Index End => new(~0);

    public int Value => value < 0 ? ~value : value;

    public bool IsFromEnd => value < 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Index FromStart(int value) =>
        value >= 0 ? new Index(value) : throw new ArgumentOutOfRangeException(nameof(value), "value must be non-negative");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Index FromEnd(int value) =>
        value >= 0 ? new Index(~value) : throw new ArgumentOutOfRangeException(nameof(value), "value must be non-negative");

    public static implicit operator Index(int value) => FromStart(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOffset(int length) => IsFromEnd ? length + value + 1 : value;

    public override bool Equals(object? obj) => obj is Index other && value == other.value;

    public bool Equals(Index other) => value == other.value;

    public override int GetHashCode() => value;

    public override string ToString() => IsFromEnd ? "^" + Value : Value.ToString(Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A slice of a sequence from a start <see cref="Index"/> to an end one (exclusive).</summary>
internal readonly struct Range(Index start, Index end) : IEquatable<Range>
{
    public Index Start { get; } = start;

    public Index End { get; } = end;

    public static Range All => new(Index.Start, Index.End);

    public static Range StartAt(Index start) => new(start, Index.End);

    public static Range EndAt(Index end) => new(Index.Start, end);

    public (int Offset, int Length) GetOffsetAndLength(int length)
    {
        var start = Start.GetOffset(length);
        var end = End.GetOffset(length);
        if ((uint)end > (uint)length || (uint)start > (uint)end)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        return (start, end - start);
    }

    public override bool Equals(object? obj) => obj is Range other && Equals(other);

    public bool Equals(Range other) => Start.Equals(other.Start) && End.Equals(other.End);

    public override int GetHashCode() => (Start.GetHashCode() * 31) + End.GetHashCode();

    public override string ToString() => Start + ".." + End;
}
