using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace ReportDsl.Parsing;

/// <summary>
/// The text as the lexer sees it: characters below 128 as they are, every other character folded into a class
/// (letter, number, space, line break, other) that the grammar names. ANTLR's lexer caches decisions only for
/// characters below 128, so without folding every Chinese character costs a full automaton simulation.
/// Token texts come from the real text.
/// </summary>
internal sealed class FoldedCharStream(string text) : ICharStream
{
    public const char OtherLetter = '\u0001';
    public const char Other = '\u0002';
    public const char OtherSpace = '\u0003';
    public const char OtherNewline = '\u0004';
    public const char OtherDigit = '\u0005';

    private int _index;

    public int Index => _index;

    public int Size => text.Length;

    public string SourceName => IntStreamConstants.UnknownSourceName;

    public void Consume()
    {
        if (_index >= text.Length)
        {
            throw new InvalidOperationException("cannot consume EOF");
        }

        _index++;
    }

    public int LA(int i)
    {
        if (i == 0)
        {
            return 0;
        }

        var position = i < 0 ? _index + i : _index + i - 1;
        return position < 0 || position >= text.Length ? IntStreamConstants.EOF : Fold(text[position]);
    }

    public int Mark() => -1;

    public void Release(int marker)
    {
    }

    public void Seek(int index) => _index = Math.Min(index, text.Length);

    public string GetText(Interval interval)
    {
        var start = Math.Max(0, interval.a);
        var stop = Math.Min(interval.b, text.Length - 1);
        return stop < start ? string.Empty : text.Substring(start, stop - start + 1);
    }

    internal static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= OtherLetter and <= OtherDigit ? Other : c;
        }

        switch (c)
        {
            case '\u00A0' or '\u3000' or '\uFEFF':
                return OtherSpace;
            case '\u2028' or '\u2029':
                return OtherNewline;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => OtherLetter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => OtherDigit,
            _ => Other,
        };
    }
}
