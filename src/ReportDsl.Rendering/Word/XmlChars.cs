using System.Text;
using System.Xml;

namespace ReportDsl.Rendering.Word;

/// <summary>
/// The characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, half a surrogate
/// pair), which an XmlWriter refuses with an exception: in a Word document each is written as U+FFFD instead, and the
/// renderer says so (RD4103), so that a stray control character in report data costs a character, not the render.
/// </summary>
internal static class XmlChars
{
    /// <summary>Gets the first character of <paramref name="text"/> that XML cannot hold, or -1 when there is none.</summary>
    public static int FirstUnwritable(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return text[i];
        }

        return -1;
    }

    /// <summary>Gets <paramref name="text"/> with every character XML cannot hold replaced by U+FFFD.</summary>
    public static string Writable(string text)
    {
        if (FirstUnwritable(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }
}
