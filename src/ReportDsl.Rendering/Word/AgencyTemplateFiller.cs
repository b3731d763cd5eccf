using System.Collections.Immutable;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Diagnostics;
using ReportDsl.Documents.Extraction;
using ReportDsl.Documents.Text;
using ReportDsl.Rendering.Model;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using ReportDsl.Semantics;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Word;

/// <summary>
/// Fills the official tables inside an agency's own Word document, keeping everything else (styles, letterhead,
/// headers and footers). Each table is found by its labels, with the extractor's label matching: rows by their label
/// and their groups' labels, columns by their label and their groups' labels in the header rows, and, for tables that
/// share a section, the region under the row that carries the table's caption.
/// </summary>
internal static class AgencyTemplateFiller
{
    public static (ReadOnlyMemory<byte> Bytes, ImmutableArray<Diagnostic> Diagnostics) Fill(WordTemplate template, ReportData data, ReportView view)
    {
        // With annotations, the findings each value cell is about, as the view numbered them.
        var notes = !view.Annotate ? [] : view.Sections.SelectMany(s => s.Tables).SelectMany(t => t.Rows).SelectMany(r => r.Cells)
            .Where(c => c.Id is not null && c.Findings.Length > 0)
            .ToDictionary(c => c.Id ?? string.Empty, c => c.Findings.Select(n => view.Findings[n - 1].Text).ToList(), StringComparer.Ordinal);
        var source = SourceText.From(string.Empty, template.Path);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        using var stream = new MemoryStream();
        stream.Write(template.Bytes.Span);
        try
        {
            using (var document = WordprocessingDocument.Open(stream, true))
            {
                if (document.MainDocumentPart?.Document?.Body is not { } body)
                {
                    return (ReadOnlyMemory<byte>.Empty, [DiagnosticCatalog.UnreadableWordTemplate(source, "it has no document body")]);
                }

                var grids = body.Descendants<Table>().Select(WordGrid.Build).ToList();
                var comments = notes.Count == 0 ? null : Comments(document.MainDocumentPart);
                var format = data.Values.Layout.Format;
                foreach (var table in format.Tables)
                {
                    var captioned = format.Sections.First(s => s.Tables.Contains(table)).Tables.Length > 1;
                    var placement = grids
                        .SelectMany(g => Regions(g, table, captioned).Select(r => Place(table, g, r)))
                        .OrderByDescending(p => p.Found)
                        .FirstOrDefault();
                    if (placement is null || placement.Found == 0)
                    {
                        diagnostics.Add(DiagnosticCatalog.TemplateTableNotFound(source, table.Label));
                        continue;
                    }

                    foreach (var cell in table.Cells)
                    {
                        var index = data.Values.Layout.IndexOf(cell);
                        if (!placement.Rows.TryGetValue(cell.Row, out var row) || !placement.Columns.TryGetValue(cell.Column, out var column)
                            || placement.Grid.Rows[row].ElementAtOrDefault(column) is not { } slot || slot.Row != row)
                        {
                            diagnostics.Add(DiagnosticCatalog.TemplateCellNotFound(source, table.Label, cell.Row.Label, cell.Column.Label));
                            continue;
                        }

                        SetText(slot.Cell, ReportViewBuilder.FormatValue(data.Values, index, string.Empty));
                        if (comments is not null && notes.TryGetValue(cell.Id, out var texts))
                        {
                            Annotate(slot.Cell, comments, texts);
                        }
                    }
                }

                document.PackageProperties.Modified = null;
                document.PackageProperties.LastModifiedBy = "ReportDsl";
            }
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FileFormatException)
        {
            return (ReadOnlyMemory<byte>.Empty, [DiagnosticCatalog.UnreadableWordTemplate(source, exception.Message.TrimEnd('.'))]);
        }

        return (DocxPackage.Normalize(stream.ToArray()), diagnostics.ToImmutable());
    }

    // The rows of a grid that can hold the table: under its caption row when tables share a section, else all rows.
    private static IEnumerable<(int Start, int End)> Regions(WordGrid grid, TableSymbol table, bool captioned)
    {
        if (!captioned)
        {
            yield return (0, grid.Rows.Count);
            yield break;
        }

        var caption = TextNormalizer.Label(table.Label);
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            if (!IsFullWidth(grid.Rows[r]) || grid.Rows[r][0] is not { } slot || LabelMatcher.Score(slot.Text, caption) < LabelMatcher.Threshold)
            {
                continue;
            }

            var end = r + 1;
            while (end < grid.Rows.Count && !IsFullWidth(grid.Rows[end]))
            {
                end++;
            }

            yield return (r + 1, end);
        }
    }

    private static bool IsFullWidth(WordGrid.Slot?[] row) => row.Length > 0 && row[0] is { } first && row.All(s => ReferenceEquals(s, first));

    private static Placement Place(TableSymbol table, WordGrid grid, (int Start, int End) region)
    {
        var rowLabels = table.ValueRows.Where(r => !r.IsUnlabeled).SelectMany(r => Labels(r)).ToList();

        // Columns: the grid column whose header cells best match the column's label and its groups' labels. A cell that
        // reads more like a row label ("（七）总计") is not a column header.
        var columns = new Dictionary<AxisItemSymbol, int>();
        var lastHeaderRow = region.Start - 1;
        foreach (var column in table.ValueColumns)
        {
            var leaf = Labels(column);
            var groups = column.LabelPath.Take(column.LabelPath.Length - 1).Select(TextNormalizer.Label).ToList();
            var best = (Score: 0.0, Column: -1, LastRow: -1);
            for (var c = 0; c < grid.Width; c++)
            {
                if (columns.ContainsValue(c))
                {
                    continue;
                }

                var leafScore = 0.0;
                var lastRow = -1;
                var groupScore = 0.0;
                for (var r = region.Start; r < region.End; r++)
                {
                    if (grid.Rows[r].ElementAtOrDefault(c) is not { } slot || slot.Text.Length == 0)
                    {
                        continue;
                    }

                    var score = LabelMatcher.Best(slot.Text, leaf);
                    if (score >= LabelMatcher.Threshold && score >= LabelMatcher.Best(slot.Text, rowLabels) && score >= leafScore)
                    {
                        leafScore = score;
                        lastRow = r;
                    }

                    groupScore += groups.Select(g => LabelMatcher.Score(slot.Text, g)).Where(s => s >= LabelMatcher.Threshold).DefaultIfEmpty(0).Max();
                }

                if (leafScore > 0 && leafScore + groupScore > best.Score)
                {
                    best = (leafScore + groupScore, c, lastRow);
                }
            }

            if (best.Column >= 0)
            {
                columns[column] = best.Column;
                lastHeaderRow = Math.Max(lastHeaderRow, best.LastRow);
            }
        }

        // Rows: the grid row whose cells best match the row's label and its groups' labels (merged group cells repeat
        // down the grid, so a member's row carries its group's label too). An unlabeled row is the first under the header.
        var rows = new Dictionary<AxisItemSymbol, int>();
        foreach (var row in table.ValueRows)
        {
            if (row.IsUnlabeled)
            {
                if (lastHeaderRow + 1 < region.End)
                {
                    rows[row] = lastHeaderRow + 1;
                }

                continue;
            }

            var leaf = Labels(row);
            var groups = row.LabelPath.Take(row.LabelPath.Length - 1).Select(TextNormalizer.Label).ToList();
            var best = (Score: 0.0, Row: -1);
            for (var r = Math.Max(region.Start, lastHeaderRow + 1); r < region.End; r++)
            {
                var distinct = grid.Rows[r].OfType<WordGrid.Slot>().Distinct().ToList();
                var leafScore = distinct.Select(s => LabelMatcher.Best(s.Text, leaf)).DefaultIfEmpty(0).Max();
                if (leafScore < LabelMatcher.Threshold || rows.ContainsValue(r))
                {
                    continue;
                }

                var score = leafScore + groups.Sum(g => distinct.Select(s => LabelMatcher.Score(s.Text, g)).Where(s => s >= LabelMatcher.Threshold).DefaultIfEmpty(0).Max());
                if (score > best.Score)
                {
                    best = (score, r);
                }
            }

            if (best.Row >= 0)
            {
                rows[row] = best.Row;
            }
        }

        var found = table.Cells.Count(c => rows.ContainsKey(c.Row) && columns.ContainsKey(c.Column));
        return new Placement(grid, rows, columns, found);
    }

    private static List<string> Labels(AxisItemSymbol item) => [TextNormalizer.Label(item.Label), .. item.Aliases.Select(TextNormalizer.Label)];

    // Keeps the cell's first paragraph with its properties and the look of its first run; replaces the text.
    private static void SetText(TableCell cell, string text)
    {
        var paragraphs = cell.Elements<Paragraph>().ToList();
        var paragraph = paragraphs.FirstOrDefault() ?? cell.AppendChild(new Paragraph());
        foreach (var extra in paragraphs.Skip(1))
        {
            extra.Remove();
        }

        var look = paragraph.Elements<Run>().Select(r => r.RunProperties).FirstOrDefault(p => p is not null)?.CloneNode(true) as RunProperties
            ?? (paragraph.ParagraphProperties?.ParagraphMarkRunProperties is { } mark ? new RunProperties(mark.ChildElements.Select(e => e.CloneNode(true))) : null);
        foreach (var child in paragraph.ChildElements.Where(e => e is not ParagraphProperties).ToList())
        {
            child.Remove();
        }

        if (text.Length == 0)
        {
            return;
        }

        var run = new Run();
        if (look is not null)
        {
            run.Append(look);
        }

        run.Append(new WordText(XmlChars.Writable(text)) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(run);
    }

    private static Comments Comments(MainDocumentPart main)
    {
        // A fixed relationship id keeps the output reproducible (the SDK would draw one at random).
        var part = main.WordprocessingCommentsPart ?? main.AddNewPart<WordprocessingCommentsPart>("rIdReportDslComments");
        part.Comments ??= new Comments();
        return part.Comments;
    }

    // A comment anchored around the cell's text, numbered after the comments the document already has.
    private static void Annotate(TableCell cell, Comments comments, List<string> texts)
    {
        var id = (comments.Elements<Comment>().Select(c => int.TryParse(c.Id?.Value, out var n) ? n : -1).DefaultIfEmpty(-1).Max() + 1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var comment = new Comment { Id = id, Author = "ReportDsl", Initials = "RD" };
        foreach (var text in texts)
        {
            comment.Append(new Paragraph(new Run(new WordText(XmlChars.Writable(text)) { Space = SpaceProcessingModeValues.Preserve })));
        }

        comments.Append(comment);
        var paragraph = cell.Elements<Paragraph>().First();
        var first = paragraph.ChildElements.FirstOrDefault(e => e is not ParagraphProperties);
        var start = new CommentRangeStart { Id = id };
        if (first is null)
        {
            paragraph.Append(start);
        }
        else
        {
            paragraph.InsertBefore(start, first);
        }

        paragraph.Append(new CommentRangeEnd { Id = id }, new Run(new CommentReference { Id = id }));
    }

    private sealed record Placement(WordGrid Grid, Dictionary<AxisItemSymbol, int> Rows, Dictionary<AxisItemSymbol, int> Columns, int Found);
}
