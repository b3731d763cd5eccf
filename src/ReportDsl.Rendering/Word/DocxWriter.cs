using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ReportDsl.Rendering.Model;

namespace ReportDsl.Rendering.Word;

/// <summary>
/// Writes a Word document: the prose lines a template produced (title, headings, paragraphs, where each table goes) and
/// the tables from the view, with an explicit grid and gridSpan/vMerge that agree with it, so Word, LibreOffice and WPS
/// draw the same table. With annotations, each cell that has findings carries a comment listing them.
/// </summary>
/// <remarks>
/// The parts are written as text straight into a zip with fixed entry order, timestamps and compression, rather than
/// built as an OpenXml document model and saved through a package: the package is the same, byte for byte, as the one
/// the SDK wrote (the tests keep that writer as the reference and compare), in a fraction of the time. Text goes through
/// the XML escaping an <see cref="XmlWriter"/> with the SDK's settings applies (see <see cref="AppendText"/>).
/// </remarks>
internal static class DocxWriter
{
    // A4 with 2.5 cm margins leaves about 16 cm of text width.
    private const int TextWidth = 9070;

    // Value columns narrower than this (in twips) get narrow cell margins, so that five digits fit on one line.
    private const int NarrowColumn = 800;

    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    private const string Bom = "\uFEFF";

    private const string TableStart =
        "<w:tbl><w:tblPr><w:tblW w:w=\"9070\" w:type=\"dxa\" /><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" /><w:left w:val=\"single\" w:sz=\"4\" />"
        + "<w:bottom w:val=\"single\" w:sz=\"4\" /><w:right w:val=\"single\" w:sz=\"4\" /><w:insideH w:val=\"single\" w:sz=\"4\" />"
        + "<w:insideV w:val=\"single\" w:sz=\"4\" /></w:tblBorders><w:tblLayout w:type=\"fixed\" />";

    // Tables 三 and 四 have value columns of 1 to 1.4 cm: with Word's default cell margins (0.19 cm each side) a
    // four-digit count wraps onto two lines in table 四, which a reader of the PDF cannot put back together.
    private const string NarrowMargins = "<w:tblCellMar><w:left w:w=\"28\" w:type=\"dxa\" /><w:right w:w=\"28\" w:type=\"dxa\" /></w:tblCellMar>";

    private const string SectionProperties =
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\" /><w:pgMar w:top=\"1440\" w:right=\"1418\" w:bottom=\"1440\" w:left=\"1418\" "
        + "w:header=\"851\" w:footer=\"992\" w:gutter=\"0\" /></w:sectPr>";

    private const string Styles =
        Declaration + "<w:styles xmlns:w=\"" + Main + "\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
        + "w:eastAsia=\"宋体\" w:cs=\"Times New Roman\" /><w:sz w:val=\"24\" /><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" /></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\" /></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Normal\" w:default=\"true\"><w:name w:val=\"Normal\" /><w:qFormat /></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\" /><w:basedOn w:val=\"Normal\" /><w:qFormat /><w:pPr><w:spacing w:after=\"240\" />"
        + "<w:jc w:val=\"center\" /></w:pPr><w:rPr><w:b /><w:sz w:val=\"36\" /></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Centered\"><w:name w:val=\"Centered\" /><w:basedOn w:val=\"Normal\" /><w:qFormat /><w:pPr><w:jc w:val=\"center\" />"
        + "</w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\" /><w:basedOn w:val=\"Normal\" /><w:qFormat /><w:pPr><w:keepNext />"
        + "<w:spacing w:before=\"240\" w:after=\"120\" /><w:outlineLvl w:val=\"0\" /></w:pPr><w:rPr><w:b /><w:sz w:val=\"28\" /></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\" /><w:basedOn w:val=\"Normal\" /><w:qFormat /><w:pPr><w:ind w:firstLine=\"480\" />"
        + "</w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\" /><w:basedOn w:val=\"Normal\" /><w:qFormat /><w:rPr><w:sz w:val=\"21\" />"
        + "</w:rPr></w:style></w:styles>";

    private const string ContentTypesStart =
        Bom + Declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\" />"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\" />"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\" />";

    private const string CommentsContentType =
        "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\" />";

    private const string PackageRelationships =
        Bom + Declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/word/document.xml\" Id=\"rId1\" />"
        + "<Relationship Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"/docProps/core.xml\" Id=\"rId2\" />"
        + "</Relationships>";

    private const string DocumentRelationshipsStart =
        Bom + Declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/word/styles.xml\" Id=\"rIdStyles\" />";

    private const string CommentsRelationship =
        "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"/word/comments.xml\" Id=\"rIdComments\" />";

    private static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly byte[] StylesBytes = Utf8.GetBytes(Styles);
    private static readonly byte[] PackageRelationshipsBytes = Utf8.GetBytes(PackageRelationships);

    public static ReadOnlyMemory<byte> Write(ReportView view, string prose)
    {
        // Default capacity: the builder grows in chunks that stay off the large object heap.
        var document = new StringBuilder();
        var comments = new StringBuilder();
        var commentCount = 0;
        document.Append(Declaration).Append("<w:document xmlns:w=\"").Append(Main).Append("\"><w:body>");
        foreach (var line in prose.Split('\n'))
        {
            if (line.StartsWith("@table ", StringComparison.Ordinal))
            {
                if (Find(view, line["@table ".Length..].Trim()) is { } table)
                {
                    Table(document, table, view, comments, ref commentCount);
                    document.Append("<w:p />");
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var (style, text) = line switch
            {
                _ when line.StartsWith("# ", StringComparison.Ordinal) => ("Title", line[2..]),
                _ when line.StartsWith("## ", StringComparison.Ordinal) => ("Heading1", line[3..]),
                _ when line.StartsWith("> ", StringComparison.Ordinal) => ("Centered", line[2..]),
                _ => ("BodyText", line),
            };
            document.Append("<w:p><w:pPr><w:pStyle w:val=\"").Append(style).Append("\" /></w:pPr>");
            AppendRun(document, text);
            document.Append("</w:p>");
        }

        document.Append(SectionProperties).Append("</w:body></w:document>");

        using var output = new MemoryStream(16 * 1024);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, as Office writes it; then the rest by name.
            Entry(zip, "[Content_Types].xml", Utf8.GetBytes(ContentTypesStart + (commentCount > 0 ? CommentsContentType : string.Empty) + "</Types>"));
            Entry(zip, "_rels/.rels", PackageRelationshipsBytes);
            Entry(zip, "docProps/core.xml", Utf8.GetBytes(CoreProperties(view.Title)));
            Entry(zip, "word/_rels/document.xml.rels", Utf8.GetBytes(DocumentRelationshipsStart + (commentCount > 0 ? CommentsRelationship : string.Empty) + "</Relationships>"));
            if (commentCount > 0)
            {
                Entry(zip, "word/comments.xml", Declaration + "<w:comments xmlns:w=\"" + Main + "\">", comments, "</w:comments>");
            }

            Entry(zip, "word/document.xml", string.Empty, document, string.Empty);
            Entry(zip, "word/styles.xml", StylesBytes);
        }

        return output.ToArray();
    }

    private static TableView? Find(ReportView view, string name)
    {
        foreach (var section in view.Sections)
        {
            foreach (var table in section.Tables)
            {
                if (string.Equals(table.Name, name, StringComparison.Ordinal))
                {
                    return table;
                }
            }
        }

        return null;
    }

    private static void Entry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Timestamp;
        using var target = entry.Open();
        target.Write(bytes);
    }

    // The text is encoded a chunk at a time into one pooled buffer, so a large document never becomes one large string or
    // a new large array; it is then written in one piece, because deflate's output depends on how its input is split.
    private static void Entry(ZipArchive zip, string name, string prefix, StringBuilder text, string suffix)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Timestamp;
        using var target = entry.Open();
        var encoder = Utf8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(prefix.Length + text.Length + suffix.Length));
        try
        {
            var length = encoder.GetBytes(prefix, buffer, flush: false);
            foreach (var chunk in text.GetChunks())
            {
                length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            }

            length += encoder.GetBytes(suffix, buffer.AsSpan(length), flush: true);
            target.Write(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Not PackageProperties, which stores them in a part with a random name: no dates, so the bytes never change.
    private static string CoreProperties(string title) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + "<dc:title>" + System.Security.SecurityElement.Escape(XmlChars.Writable(title)) + "</dc:title><dc:creator>ReportDsl</dc:creator>"
        + "</cp:coreProperties>";

    private static void Table(StringBuilder document, TableView view, ReportView report, StringBuilder comments, ref int commentCount)
    {
        var widths = ColumnWidths(view);
        document.Append(TableStart);
        if (widths.Skip(view.StubWidth).DefaultIfEmpty(TextWidth).Min() < NarrowColumn)
        {
            document.Append(NarrowMargins);
        }

        document.Append("</w:tblPr><w:tblGrid>");
        foreach (var width in widths)
        {
            document.Append("<w:gridCol w:w=\"").Append(width).Append("\" />");
        }

        document.Append("</w:tblGrid>");
        foreach (var row in view.Rows)
        {
            document.Append(row.IsHeader ? "<w:tr><w:trPr><w:tblHeader /></w:trPr>" : "<w:tr>");
            for (var c = 0; c < view.Width; c++)
            {
                var slot = row.Slots[c];
                if (slot.Column != c)
                {
                    // Covered by a cell spanning from the left (in this row, or merged from above).
                    continue;
                }

                var width = 0;
                for (var i = slot.Column; i < slot.Column + slot.ColumnSpan && i < widths.Length; i++)
                {
                    width += widths[i];
                }

                document.Append("<w:tc><w:tcPr><w:tcW w:w=\"").Append(width).Append("\" w:type=\"dxa\" />");
                if (slot.ColumnSpan > 1)
                {
                    document.Append("<w:gridSpan w:val=\"").Append(slot.ColumnSpan).Append("\" />");
                }

                var starts = slot.Row == row.Index;
                if (slot.RowSpan > 1)
                {
                    document.Append(starts ? "<w:vMerge w:val=\"restart\" />" : "<w:vMerge />");
                }

                var annotated = report.Annotate && starts && slot.Findings.Length > 0;
                if (annotated)
                {
                    document.Append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFE08A\" />");
                }

                document.Append("<w:vAlign w:val=\"center\" /></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\" /><w:jc w:val=\"")
                    .Append(slot.Kind is "row_header" ? "left" : "center").Append("\" /></w:pPr>");
                var id = annotated ? Comment(comments, ref commentCount, slot, report) : string.Empty;
                if (annotated)
                {
                    document.Append("<w:commentRangeStart w:id=\"").Append(id).Append("\" />");
                }

                if (starts && slot.Text.Length > 0)
                {
                    AppendRun(document, slot.Text);
                }

                if (annotated)
                {
                    document.Append("<w:commentRangeEnd w:id=\"").Append(id).Append("\" /><w:r><w:commentReference w:id=\"").Append(id).Append("\" /></w:r>");
                }

                document.Append("</w:p></w:tc>");
            }

            document.Append("</w:tr>");
        }

        document.Append("</w:tbl>");
    }

    private static string Comment(StringBuilder comments, ref int count, CellView cell, ReportView report)
    {
        var id = count.ToString(CultureInfo.InvariantCulture);
        count++;
        comments.Append("<w:comment w:initials=\"RD\" w:author=\"ReportDsl\" w:id=\"").Append(id).Append("\">");
        foreach (var number in cell.Findings)
        {
            comments.Append("<w:p>");
            AppendRun(comments, report.Findings[number - 1].Text);
            comments.Append("</w:p>");
        }

        comments.Append("</w:comment>");
        return id;
    }

    private static void AppendRun(StringBuilder builder, string text)
    {
        builder.Append("<w:r>");
        AppendText(builder, text);
        builder.Append("</w:r>");
    }

    /// <summary>
    /// Appends a <c>w:t</c> element as the SDK's <see cref="XmlWriter"/> writes it: plain text as it is with <c>&amp;</c>,
    /// <c>&lt;</c> and <c>&gt;</c> escaped; text with line breaks, control characters or surrogates (which the writer
    /// normalises, encodes or refuses) and empty text go through an <see cref="XmlWriter"/> with the same settings.
    /// </summary>
    private static void AppendText(StringBuilder builder, string text)
    {
        if (text.Length == 0 || !IsPlain(text))
        {
            builder.Append(WrittenByXmlWriter(XmlChars.Writable(text)));
            return;
        }

        builder.Append("<w:t xml:space=\"preserve\">");
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };
            if (entity is not null)
            {
                builder.Append(text, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        builder.Append(text, start, text.Length - start).Append("</w:t>");
    }

    private static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || (c >= '\uD800' && c <= '\uDFFF') || c >= '\uFFFE')
            {
                return false;
            }
        }

        return true;
    }

    private static string WrittenByXmlWriter(string text)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Utf8, OmitXmlDeclaration = true }))
        {
            // Inside an element that declares the prefix, as the text element is in the document.
            writer.WriteStartElement("w", "document", Main);
            writer.WriteStartElement("w", "t", Main);
            writer.WriteAttributeString("xml", "space", null, "preserve");
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var written = output.ToString();
        var start = written.IndexOf("><w:t", StringComparison.Ordinal) + 1;
        return written[start..written.LastIndexOf("</w:document>", StringComparison.Ordinal)];
    }

    // Row labels take about 40% of the width (the last stub column the most, as in the form); values share the rest.
    // Internal: the tests' reference writer (the former OpenXml SDK writer) lays tables out with the same widths.
    internal static int[] ColumnWidths(TableView view)
    {
        var widths = new int[view.Width];
        var valueColumns = view.Width - view.StubWidth;
        var stubTotal = view.StubWidth == 0 ? 0 : valueColumns <= 1 ? TextWidth / 2 : TextWidth * 2 / 5;
        for (var i = 0; i < view.StubWidth; i++)
        {
            widths[i] = i < view.StubWidth - 1 ? 700 : stubTotal - (700 * (view.StubWidth - 1));
        }

        for (var i = view.StubWidth; i < view.Width; i++)
        {
            widths[i] = (TextWidth - stubTotal) / Math.Max(valueColumns, 1);
        }

        widths[^1] += TextWidth - widths.Sum();
        return widths;
    }
}
