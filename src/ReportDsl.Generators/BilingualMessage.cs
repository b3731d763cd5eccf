using System.Globalization;

namespace ReportDsl.Generators;

/// <summary>
/// A diagnostic message in English and Simplified Chinese. The compiler formats a diagnostic in the culture of the
/// build or the IDE (<c>-preferreduilang</c>), and formats this argument with it, so the choice happens there: a
/// generator must not read the current culture itself (RS1035), and its cached results must not depend on it.
/// </summary>
internal sealed class BilingualMessage : IFormattable
{
    private readonly string _english;
    private readonly string _chinese;

    public BilingualMessage(string english, string chinese)
    {
        _english = english;
        _chinese = chinese;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo culture && culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? _chinese : _english;

    public override string ToString() => _english;
}
