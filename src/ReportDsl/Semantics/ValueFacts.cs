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

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日"];

    /// <summary>Reads a date written yyyy-MM-dd (also yyyy/MM/dd and yyyy年M月d日, as documents print them).</summary>
    public static bool IsDate(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Reads a truth value: true, false, 是, 否.</summary>
    public static bool? Boolean(string text) => text.Trim() switch
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
