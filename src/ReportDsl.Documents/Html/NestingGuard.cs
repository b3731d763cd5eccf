using System.Text;

namespace ReportDsl.Documents.Html;

/// <summary>
/// Keeps an HTML page's element nesting bounded before the page reaches the HTML parser. The parsing algorithm of the
/// HTML standard looks down the stack of open elements for almost every tag ("is there a p in button scope?"), so a
/// page of n nested elements costs time n² (100,000 nested div took a minute). Browsers cap the depth the same way:
/// past <see cref="MostDepth"/> open elements, further start tags (and their end tags) are dropped, and their content
/// is read as part of the element that holds them.
/// </summary>
internal static class NestingGuard
{
    /// <summary>The deepest nesting kept; a report's tables sit a few dozen levels deep at most.</summary>
    public const int MostDepth = 256;

    // How far down the stack an end tag is matched; a stray end tag further down is left to the parser, which ignores it.
    private const int EndTagSearch = 16;

    private static readonly HashSet<string> Void =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];

    // Elements whose end tag may be left out (or that exist once): the parser closes them itself, so they are not counted.
    private static readonly HashSet<string> ImpliedEnd =
        ["body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr"];

    // Their content is text up to the matching end tag, never tags.
    private static readonly HashSet<string> RawText = ["iframe", "noembed", "noframes", "plaintext", "script", "style", "textarea", "title", "xmp"];

    /// <summary>Returns the page with tags past <see cref="MostDepth"/> removed (the same string when none are) and the deepest nesting seen.</summary>
    public static (string Html, int Deepest) Limit(string html)
    {
        var open = new List<(string Name, bool Dropped)>();
        List<(int Start, int End)>? dropped = null;
        var deepest = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var start = i;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var next = i + 1 < html.Length ? html[i + 1] : '\0';
            if (next is '!' or '?')
            {
                i = End(html, i);
                continue;
            }

            var isEnd = next == '/';
            var nameStart = isEnd ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            i = End(html, nameEnd);
            if (Void.Contains(name) || ImpliedEnd.Contains(name))
            {
                continue;
            }

            if (isEnd)
            {
                for (var k = open.Count - 1; k >= Math.Max(0, open.Count - EndTagSearch); k--)
                {
                    if (open[k].Name == name)
                    {
                        if (open[k].Dropped)
                        {
                            (dropped ??= []).Add((start, i));
                        }

                        open.RemoveRange(k, open.Count - k);
                        break;
                    }
                }

                continue;
            }

            if (html[i - 2] == '/')
            {
                // Self-closing syntax (<div/>): the parser ignores the slash, but nothing nests under a foreign element's.
                continue;
            }

            var drop = open.Count >= MostDepth;
            if (drop)
            {
                (dropped ??= []).Add((start, i));
            }

            open.Add((name, drop));
            deepest = Math.Max(deepest, open.Count);
            if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }

        if (dropped is null)
        {
            return (html, deepest);
        }

        var kept = new StringBuilder(html.Length);
        var from = 0;
        foreach (var (dropStart, dropEnd) in dropped)
        {
            kept.Append(html, from, dropStart - from);
            from = dropEnd;
        }

        kept.Append(html, from, html.Length - from);
        return (kept.ToString(), deepest);
    }

    // The index after the tag's closing '>', skipping quoted attribute values.
    private static int End(string html, int i)
    {
        var quote = '\0';
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
