namespace ReportDsl.Semantics;

/// <summary>The two directions of a table.</summary>
public enum Axis
{
    /// <summary>Rows.</summary>
    Row,

    /// <summary>Columns.</summary>
    Column,
}
