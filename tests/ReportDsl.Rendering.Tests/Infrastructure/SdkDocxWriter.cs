using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Rendering.Model;
using ReportDsl.Rendering.Word;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ReportDsl.Rendering.Tests.Infrastructure;

/// <summary>
/// The Word writer as it was built on the OpenXml SDK's document model before the writer wrote the parts itself: kept
/// here only as the reference that <c>DocxWriterTests</c> compares the package with, byte for byte.
/// </summary>
internal static class SdkDocxWriter
{
    // A4 with 2.5 cm margins leaves about 16 cm of text width.
    private const int TextWidth = 9070;

    // Value columns narrower than this (in twips) get narrow cell margins, so that five digits fit on one line.
    private const int NarrowColumn = 800;
    private const short NarrowMargin = 28;

    public static ReadOnlyMemory<byte> Write(ReportView view, string prose)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            CoreProperties(document, view.Title);
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = Styles();
            var comments = new Comments();
            var body = new Body();
            var tables = view.Sections.SelectMany(s => s.Tables).ToDictionary(t => t.Name, StringComparer.Ordinal);
            foreach (var line in prose.Split('\n'))
            {
                if (line.StartsWith("@table ", StringComparison.Ordinal))
                {
                    if (tables.TryGetValue(line["@table ".Length..].Trim(), out var table))
                    {
                        body.Append(Table(table, view, comments));
                        body.Append(new Paragraph());
                    }

                    continue;
                }

                if (line.Trim().Length == 0)
                {
                    continue;
                }

                body.Append(line switch
                {
                    _ when line.StartsWith("# ", StringComparison.Ordinal) => Styled("Title", line[2..]),
                    _ when line.StartsWith("## ", StringComparison.Ordinal) => Styled("Heading1", line[3..]),
                    _ when line.StartsWith("> ", StringComparison.Ordinal) => Styled("Centered", line[2..]),
                    _ => Styled("BodyText", line),
                });
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1418, Right = 1418, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            if (comments.HasChildren)
            {
                var part = main.AddNewPart<WordprocessingCommentsPart>("rIdComments");
                part.Comments = comments;
            }
        }

        return DocxPackage.Normalize(stream.ToArray());
    }

    // Written by hand rather than through PackageProperties, which stores them in a part with a random name.
    private static void CoreProperties(WordprocessingDocument document, string title)
    {
        var part = document.AddCoreFilePropertiesPart();
        using var stream = part.GetStream(FileMode.Create);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        writer.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>" + System.Security.SecurityElement.Escape(title) + "</dc:title><dc:creator>ReportDsl</dc:creator>"
            + "</cp:coreProperties>");
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(Text(text)));

    private static WordText Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static Table Table(TableView view, ReportView report, Comments comments)
    {
        var widths = DocxWriter.ColumnWidths(view);
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        if (widths.Skip(view.StubWidth).DefaultIfEmpty(TextWidth).Min() < NarrowColumn)
        {
            // Tables 三 and 四 have value columns of 1 to 1.4 cm: with Word's default cell margins (0.19 cm each side) a
            // four-digit count wraps onto two lines in table 四, which a reader of the PDF cannot put back together.
            table.GetFirstChild<TableProperties>()?.Append(new TableCellMarginDefault(
                new TableCellLeftMargin { Width = NarrowMargin, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = NarrowMargin, Type = TableWidthValues.Dxa }));
        }

        foreach (var row in view.Rows)
        {
            var tableRow = new TableRow();
            if (row.IsHeader)
            {
                tableRow.Append(new TableRowProperties(new TableHeader()));
            }

            for (var c = 0; c < view.Width; c++)
            {
                var slot = row.Slots[c];
                if (slot.Column != c)
                {
                    // Covered by a cell spanning from the left (in this row, or merged from above).
                    continue;
                }

                var width = widths.Skip(slot.Column).Take(slot.ColumnSpan).Sum();
                var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (slot.ColumnSpan > 1)
                {
                    properties.Append(new GridSpan { Val = slot.ColumnSpan });
                }

                var starts = slot.Row == row.Index;
                if (slot.RowSpan > 1)
                {
                    properties.Append(starts ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
                }

                var annotated = report.Annotate && starts && slot.Findings.Length > 0;
                if (annotated)
                {
                    properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FFE08A" });
                }

                properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var paragraph = new Paragraph(new ParagraphProperties(
                    new ParagraphStyleId { Val = "TableText" },
                    new Justification { Val = slot.Kind is "row_header" ? JustificationValues.Left : JustificationValues.Center }));
                if (starts && slot.Text.Length > 0)
                {
                    if (annotated)
                    {
                        var id = comments.ChildElements.Count.ToString(CultureInfo.InvariantCulture);
                        comments.Append(Comment(id, slot, report));
                        paragraph.Append(new CommentRangeStart { Id = id }, new Run(Text(slot.Text)), new CommentRangeEnd { Id = id }, new Run(new CommentReference { Id = id }));
                    }
                    else
                    {
                        paragraph.Append(new Run(Text(slot.Text)));
                    }
                }
                else if (annotated)
                {
                    var id = comments.ChildElements.Count.ToString(CultureInfo.InvariantCulture);
                    comments.Append(Comment(id, slot, report));
                    paragraph.Append(new CommentRangeStart { Id = id }, new CommentRangeEnd { Id = id }, new Run(new CommentReference { Id = id }));
                }

                tableRow.Append(new TableCell(properties, paragraph));
            }

            table.Append(tableRow);
        }

        return table;
    }

    private static Comment Comment(string id, CellView cell, ReportView report)
    {
        var comment = new Comment { Id = id, Author = "ReportDsl", Initials = "RD" };
        foreach (var number in cell.Findings)
        {
            comment.Append(new Paragraph(new Run(Text(report.Findings[number - 1].Text))));
        }

        return comment;
    }

    private static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体", ComplexScript = "Times New Roman" },
                new FontSize { Val = "24" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto })));
        return new Styles(
            defaults,
            Style("Normal", "Normal", isDefault: true),
            Style("Title", "Title", justification: JustificationValues.Center, bold: true, size: "36", spacingAfter: "240"),
            Style("Centered", "Centered", justification: JustificationValues.Center),
            Style("Heading1", "heading 1", bold: true, size: "28", spacingAfter: "120", spacingBefore: "240", outline: 0),
            Style("BodyText", "Body Text", firstLineIndent: "480"),
            Style("TableText", "Table Text", size: "21"));
    }

    private static Style Style(
        string id, string name, bool isDefault = false, JustificationValues? justification = null, bool bold = false,
        string? size = null, string? spacingAfter = null, string? spacingBefore = null, int? outline = null, string? firstLineIndent = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        if (spacingAfter is not null || spacingBefore is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is not null)
            {
                spacing.Before = spacingBefore;
            }

            if (spacingAfter is not null)
            {
                spacing.After = spacingAfter;
            }

            paragraph.Append(spacing);
        }

        if (firstLineIndent is not null)
        {
            paragraph.Append(new Indentation { FirstLine = firstLineIndent });
        }

        if (justification is { } j)
        {
            paragraph.Append(new Justification { Val = j });
        }

        if (outline is { } outlineLevel)
        {
            paragraph.Append(new OutlineLevel { Val = outlineLevel });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (size is not null)
        {
            run.Append(new FontSize { Val = size });
        }

        if (run.HasChildren)
        {
            style.Append(run);
        }

        return style;
    }
}
