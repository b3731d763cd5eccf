using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportDsl.Documents.Text;

namespace ReportDsl.Documents.Html;

/// <summary>
/// Turns an HTML page into items in document order. Blocks of text outside tables are labels followed by a row end;
/// every table row gives one item per cell (split like plain text: words, numbers, "0 0"), a Blank for an empty cell,
/// then a row end. Merged cells (rowspan, colspan) appear once, where they start, as in the text layouts. Tables
/// inside cells (pages laid out with tables) are read in document order. Navigation, scripts and hidden parts are skipped.
/// </summary>
internal static partial class HtmlTokenizer
{
    // NestingGuard already bounds the tree's depth; this keeps the walk's recursion bounded whatever the parser builds.
    private const int DeepestNesting = 2 * NestingGuard.MostDepth;

    private static readonly HashSet<string> Skipped =
        ["head", "script", "style", "noscript", "template", "nav", "aside", "svg", "math", "iframe", "object", "select", "button", "canvas", "audio", "video"];

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "main",
        "header", "footer", "blockquote", "pre", "center", "form", "fieldset", "legend", "caption", "hr", "address",
        "figure", "figcaption", "tr", "td", "th", "thead", "tbody", "tfoot",
    ];

    /// <summary>Reads the page into items; <c>Deepest</c> is the page's deepest nesting when it was past <see cref="NestingGuard.MostDepth"/>, else null.</summary>
    public static (List<DocumentItem> Items, int? Deepest) Tokenize(string html)
    {
        var (limited, deepest) = NestingGuard.Limit(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(limited);
        var walker = new Walker();
        if (document.Body is { } body)
        {
            walker.Walk(body, 0);
        }

        walker.Flush();
        return (walker.Builder.Items, deepest > NestingGuard.MostDepth ? deepest : null);
    }

    /// <summary>
    /// Decodes a page's bytes: a byte order mark, then UTF-8 if the bytes are valid UTF-8, then the charset the page
    /// declares, then GB18030 (a superset of the GBK and GB2312 that Chinese government sites still serve).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: fall through to the declared or the usual Chinese encoding.
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var declared = Charset().Match(head);
        var encoding = declared.Success ? Find(declared.Groups[1].Value) : null;
        return (encoding ?? Find("gb18030") ?? Encoding.UTF8).GetString(bytes);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Encoding? Find(string name)
    {
        // GBK and GB2312 pages routinely hold GB18030-only characters; the superset reads them all.
        var wanted = name.ToLowerInvariant() is "gbk" or "gb2312" or "x-gbk" or "cp936" ? "gb18030" : name;
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(wanted) ?? Encoding.GetEncoding(wanted);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // An unknown name is an ArgumentException; a known but disabled one (UTF-7) is NotSupportedException
            // (found by fuzzing).
            return null;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Spaces();

    /// <summary>Walks the tree once, keeping the text of the block being read and the cell it belongs to.</summary>
    private sealed class Walker
    {
        private readonly StringBuilder _text = new();
        private (int Line, int Column) _textAt;
        private Cell? _cell;
        private int _tables;

        public ItemBuilder Builder { get; } = new();

        public void Walk(INode node, int depth)
        {
            if (depth > DeepestNesting)
            {
                return;
            }

            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        Append(text.Data, node as IElement);
                        break;
                    case IElement element when IsSkipped(element):
                        break;
                    case IElement { LocalName: "table" } table:
                        Table(table, depth + 1);
                        break;
                    case IElement { LocalName: "br" }:
                        // Inside a cell a line break only wraps the cell's text; outside it ends a block.
                        if (_cell is null)
                        {
                            Flush();
                        }
                        else
                        {
                            _text.Append(' ');
                        }

                        break;
                    case IElement element when Blocks.Contains(element.LocalName):
                        Flush();
                        Walk(element, depth + 1);
                        Flush();
                        break;
                    case IElement element:
                        Walk(element, depth + 1);
                        break;
                }
            }
        }

        /// <summary>Ends the block being read: prose outside tables, or a part of the current cell.</summary>
        public void Flush()
        {
            var text = Spaces().Replace(_text.ToString(), " ").Trim();
            _text.Clear();
            if (text.Length == 0)
            {
                return;
            }

            if (_cell is null)
            {
                Builder.Prose(text, _textAt.Line, _textAt.Column);
            }
            else if (Builder.Cell(text, _cell.Line, _cell.Column, _cell.Detail))
            {
                _cell.Filled = true;
            }
        }

        private void Append(string text, IElement? parent)
        {
            if (_text.Length == 0 || _text.ToString().Trim().Length == 0)
            {
                _textAt = Position(parent);
            }

            _text.Append(text);
        }

        private void Table(IElement table, int depth)
        {
            Flush();
            if (_cell is not null)
            {
                // A table inside a cell: the outer cell is a frame, not an empty data cell, and the inner rows start afresh.
                _cell.Filled = true;
            }

            var outer = _cell;
            var (line, column) = Position(table);
            Builder.Break(line, column);
            var number = ++_tables;
            var rowNumber = 0;
            foreach (var row in Rows(table))
            {
                rowNumber++;
                var cellNumber = 0;
                foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
                {
                    cellNumber++;
                    var (cellLine, cellColumn) = Position(cell);
                    _cell = new Cell(string.Create(CultureInfo.InvariantCulture, $"table {number}, row {rowNumber}, cell {cellNumber}"), cellLine, cellColumn);
                    if (!IsSkipped(cell))
                    {
                        Walk(cell, depth + 1);
                        Flush();
                    }

                    if (!_cell.Filled)
                    {
                        Builder.Blank(cellLine, cellColumn, _cell.Detail);
                    }
                }

                _cell = null;
                var (rowLine, rowColumn) = Position(row);
                Builder.Break(rowLine, rowColumn);
            }

            _cell = outer;
        }

        // Rows in document order, directly in the table or in its row groups, never those of tables inside cells.
        private static IEnumerable<IElement> Rows(IElement table)
        {
            foreach (var child in table.Children)
            {
                if (child.LocalName == "tr")
                {
                    yield return child;
                }
                else if (child.LocalName is "thead" or "tbody" or "tfoot")
                {
                    foreach (var row in child.Children.Where(r => r.LocalName == "tr"))
                    {
                        yield return row;
                    }
                }
            }
        }

        private static bool IsSkipped(IElement element) =>
            Skipped.Contains(element.LocalName)
            || element.HasAttribute("hidden")
            || element.GetAttribute("role") is "navigation" or "menu" or "menubar"
            || (element.GetAttribute("style") is { } style && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));

        private static (int Line, int Column) Position(IElement? element) =>
            element?.SourceReference is { } source ? (source.Position.Line, source.Position.Column) : (0, 0);
    }

    /// <summary>The cell being read: where it is, and whether it has given anything yet.</summary>
    private sealed class Cell(string detail, int line, int column)
    {
        public string Detail { get; } = detail;

        public int Line { get; } = line;

        public int Column { get; } = column;

        public bool Filled { get; set; }
    }
}
