using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportDsl.Documents.Text;

/// <summary>
/// Normalises what documents print: fullwidth digits, letters and punctuation (NFKC), Word artefacts such as
/// <c>[bookmark: _GoBack]</c>, spaces inside labels, quote variants, thousands separators and units after numbers.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>A label for comparison: NFKC, no whitespace, no artefacts, one kind of quote.</summary>
    public static string Label(string text)
    {
        var builder = new StringBuilder(text.Length);
        var cleaned = text.Contains('[', StringComparison.Ordinal) ? Artefacts().Replace(text, string.Empty) : text;
        foreach (var c in cleaned.IsNormalized(NormalizationForm.FormKC) ? cleaned : cleaned.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                continue;
            }

            builder.Append(c switch
            {
                '“' or '”' or '„' or '‟' or '〝' or '〞' => '"',
                '‘' or '’' => '\'',
                '、' or '，' => ',',
                '．' or '。' => '.',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Reads a cell as a number: fullwidth digits, thousands separators and a trailing unit are accepted.</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        // Most cells are plain ASCII digits: read them without normalising or matching patterns.
        var trimmed = text.AsSpan().Trim(" \t\u00A0\u3000");
        if (trimmed.Length is > 0 and <= 18)
        {
            long whole = 0;
            var plain = true;
            foreach (var c in trimmed)
            {
                // ASCII or fullwidth digits (seed 000 prints "０").
                var digit = c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;
                if (digit < 0)
                {
                    plain = false;
                    break;
                }

                whole = (whole * 10) + digit;
            }

            if (plain)
            {
                value = whole;
                return true;
            }
        }


        // "0 0" is two cells run together (OCR), not the number 0.
        if (SpacedDigits().IsMatch(text.Normalize(NormalizationForm.FormKC)))
        {
            value = 0;
            return false;
        }

        var cleaned = Label(text).Replace(",", string.Empty, StringComparison.Ordinal);
        cleaned = Unit().Replace(cleaned, string.Empty);
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && NumberShape().IsMatch(cleaned);
    }

    /// <summary>Whether a cell is blank: nothing but spaces (NBSP included) and artefacts, or a dash or slash used for "none".</summary>
    public static bool IsBlank(string text)
    {
        // Nearly every cell has a letter or digit: answer without normalising.
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return Label(text) is "" or "/" or "-" or "—" or "--" or "——";
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Artefacts();

    [GeneratedRegex(@"(万元|元|件|个|项|条|次|人次)$")]
    private static partial Regex Unit();

    [GeneratedRegex(@"\d[\s\u00A0\u3000]+\d")]
    private static partial Regex SpacedDigits();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberShape();
}
