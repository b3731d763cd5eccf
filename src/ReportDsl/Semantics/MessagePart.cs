namespace ReportDsl.Semantics;

/// <summary>What a placeholder of a rule's message stands for.</summary>
public enum MessagePlaceholder
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary><c>{left}</c>: the value of the left side.</summary>
    Left,

    /// <summary><c>{right}</c>: the value of the right side.</summary>
    Right,

    /// <summary><c>{row}</c>: the label of the row the rule is at.</summary>
    Row,

    /// <summary><c>{column}</c>: the label of the column the rule is at.</summary>
    Column,

    /// <summary><c>{group}</c>: the label of the group (or table) of <c>for each group|table in (...)</c>.</summary>
    Group,
}

/// <summary>A piece of a rule's message: text, or a placeholder filled in for each finding.</summary>
public sealed record MessagePart(MessagePlaceholder Placeholder, string Text);
