namespace ReportDsl.Semantics;

/// <summary>
/// The pattern language of facts: a regular expression (.NET syntax, no look-arounds or back-references, so that it
/// runs in linear time) in which <c>{n}</c>, written once, stands for the number: digits (ASCII or full-width) with
/// optional thousands separators, a sign for <c>integer</c> and decimals for <c>amount</c>.
/// </summary>
internal static class FactPattern
{
    /// <summary>The placeholder for the number.</summary>
    public const string Placeholder = "{n}";

    /// <summary>Counts how often the placeholder occurs in a pattern.</summary>
    public static int CountPlaceholders(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var count = 0;
        for (var at = pattern.IndexOf(Placeholder, StringComparison.Ordinal); at >= 0; at = pattern.IndexOf(Placeholder, at + Placeholder.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Gets the regular expression for a pattern: the placeholder becomes the group <c>n</c> for a number of the type.</summary>
    public static string Expand(string pattern, CellType type)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(type);
        return pattern.Replace(Placeholder, NumberGroup(type));
    }

    /// <summary>Gets the group that captures a number of a type.</summary>
    public static string NumberGroup(CellType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        const string Digits = "[0-9０-９]+(?:[,，][0-9０-９]{3})*";
        return type.Kind switch
        {
            CellTypeKind.Integer => $"(?<n>[-－−]?{Digits})",
            CellTypeKind.Amount => $"(?<n>{Digits}(?:[.．][0-9０-９]+)?)",
            _ => $"(?<n>{Digits})",
        };
    }
}
