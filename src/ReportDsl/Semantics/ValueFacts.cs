using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
namespace ReportDsl.Semantics;

/// <summary>How values of the types without arithmetic are read and checked, shared by the binder (defaults) and the report-data reader.</summary>
internal static class ValueFacts
{
    /// <summary>How long a pattern may take on one value; a pattern that takes longer is taken as not matching.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The ways a date may be written, the first the canonical one.</summary>
    internal static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日"];

    /// <summary>Reads a date written yyyy-MM-dd (also yyyy/MM/dd and yyyy年M月d日, as documents print them).</summary>
    public static bool IsDate(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Reads a date as <see cref="IsDate"/> does; null when it is not one.</summary>
    public static DateTime? Date(string text) =>
#if NET
        // A span, so that a date written with spaces around it is read without allocating (the validators run on it).
        DateTime.TryParseExact(text.AsSpan().Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
#else
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
#endif

    /// <summary>
    /// Whether a value test holds: dates are ordered (a text that is not a date makes every comparison false), booleans
    /// compare as truth values (true, 是; false, 否), text and enum words compare without the spaces around them, ordinally.
    /// The emitted C# validator does the same (its Same, Truth and CompareDays helpers).
    /// </summary>
    public static bool Holds(CellTypeKind kind, ComparisonOperator op, string left, string right)
    {
        int order;
        switch (kind)
        {
            case CellTypeKind.Date:
                if (Date(left) is not { } leftDay || Date(right) is not { } rightDay)
                {
                    return false;
                }

                order = leftDay.CompareTo(rightDay);
                break;
            case CellTypeKind.Boolean:
                order = Boolean(left) == Boolean(right) ? 0 : 1;
                break;
            default:
                order = left.AsSpan().Trim().SequenceEqual(right.AsSpan().Trim()) ? 0 : 1;
                break;
        }

        return op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.LessThan => order < 0,
            ComparisonOperator.LessThanOrEqual => order <= 0,
            ComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary>Reads a truth value: true, false, 是, 否.</summary>
    public static bool? Boolean(string text) => text.AsSpan().Trim() switch
    {
        "true" or "是" => true,
        "false" or "否" => false,
        _ => null,
    };

    /// <summary>Compiles a pattern, or returns the reason it does not compile.</summary>
    public static string? PatternError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Whether a text matches a type's pattern (a pattern that runs out of time does not match).</summary>
    public static bool Matches(string pattern, string text)
    {
        var regex = Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, PatternTimeout));
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether a number is within a type's range.</summary>
    public static bool InRange(CellType type, decimal value) =>
        (type.Minimum is not { } min || value >= min) && (type.Maximum is not { } max || value <= max);
}
