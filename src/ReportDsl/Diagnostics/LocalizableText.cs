using System.Globalization;

namespace ReportDsl.Diagnostics;

/// <summary>A message argument that is itself translated when the message is formatted.</summary>
internal interface ILocalizable
{
    string ToString(CultureInfo culture);
}

/// <summary>A translated piece of a message, such as the word "row", with its own arguments.</summary>
internal sealed record LocalizableText(string ResourceKey, params object[] Arguments) : ILocalizable
{
    public string ToString(CultureInfo culture)
    {
        var format = DiagnosticMessages.Get(ResourceKey, culture);
        return Arguments.Length == 0 ? format : string.Format(culture, format, Localize(Arguments, culture));
    }

    public override string ToString() => ToString(CultureInfo.CurrentUICulture);

    internal static object[] Localize(IEnumerable<object> arguments, CultureInfo culture) =>
        [.. arguments.Select(a => a is ILocalizable l ? l.ToString(culture) : a)];
}

/// <summary>A translated list of alternatives: <c>"a", "b" or a name</c>.</summary>
internal sealed record LocalizableAlternatives(IReadOnlyList<object> Items) : ILocalizable
{
    public string ToString(CultureInfo culture)
    {
        var texts = LocalizableText.Localize(Items, culture).Select(i => i.ToString() ?? string.Empty).ToList();
        if (texts.Count <= 1)
        {
            return texts.Count == 0 ? string.Empty : texts[0];
        }

        var separator = DiagnosticMessages.Get("List_Separator", culture);
        var head = string.Join(separator, texts.Take(texts.Count - 1));
        return string.Format(culture, DiagnosticMessages.Get("Expected_Or", culture), head, texts[^1]);
    }

    public override string ToString() => ToString(CultureInfo.CurrentUICulture);
}
