namespace ReportDsl.Text;

/// <summary>A 1-based line and column, for display only; the compiler works with offsets.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line},{Column}";
}
