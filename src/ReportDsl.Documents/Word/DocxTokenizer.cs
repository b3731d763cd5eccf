using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Documents.Text;

namespace ReportDsl.Documents.Word;

/// <summary>
/// Turns a Word .docx into items in document order: body paragraphs are labels followed by a row end; every table row
/// gives one item per cell (its paragraphs' runs joined, then split like plain text), a Blank for an empty cell, then
/// a row end. A horizontally merged cell (gridSpan) is one cell; the continuation of a vertical merge (vMerge) is
/// skipped, so a merged cell appears once, where it starts, as in HTML and the text layouts. Tables inside cells are
/// read in document order. Bookmarks, field codes and deleted text are not text.
/// </summary>
internal static class DocxTokenizer
{
    /// <summary>Most a package may inflate to: real reports are well under a megabyte of XML.</summary>
    private const long LargestPackage = 200L * 1024 * 1024;

    /// <summary>Most a large part may inflate per compressed byte: XML packs 10 to 30 times, a zip bomb a thousand.</summary>
    private const long HighestRatio = 200;

    /// <summary>Parts smaller than this are never a threat, whatever their ratio (a run of spaces packs very well).</summary>
    private const long SmallPart = 1024 * 1024;

    private const int DeepestNesting = 64;

    /// <summary>A picture in the document (PNG, JPEG or another kind): its image part's name and bytes, and the item it follows.</summary>
    public sealed record Picture(int At, string Name, byte[] Bytes);

    /// <summary>The items, or null and why the bytes are not a readable .docx.</summary>
    public static (List<DocumentItem>? Items, string Problem) Tokenize(ReadOnlySpan<byte> span)
    {
        var (items, problem, _) = TokenizeWithPictures(span);
        return (items, problem);
    }

    /// <summary>The items and the pictures drawn among them, or null and why the bytes are not a readable .docx.</summary>
    public static (List<DocumentItem>? Items, string Problem, List<Picture> Pictures) TokenizeWithPictures(ReadOnlySpan<byte> span)
    {
        var bytes = span.ToArray();
        try
        {
            if (CheckPackage(bytes) is { } problem)
            {
                return (null, problem, []);
            }

            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            if (document.MainDocumentPart is not { Document.Body: { } body } main)
            {
                return (null, "it has no document body", []);
            }

            var walker = new Walker(main);
            walker.Blocks(body, 0);
            return (walker.Builder.Items, string.Empty, walker.Pictures);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Damaged packages fail in many ways (zip, packaging, XML, schema); each is the same finding for the reader.
            return (null, exception.Message.TrimEnd('.'), []);
        }
    }

    /// <summary>Refuses what is not a zip package, or would inflate too much, before anything parses it.</summary>
    internal static string? CheckPackage(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "the file is empty";
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "it is an OLE compound file: a password-protected .docx or an old .doc, not a .docx package";
        }

        if (!bytes.AsSpan().StartsWith("PK"u8))
        {
            return "it is not a .docx (zip) package";
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return "it is not a complete zip package (truncated or damaged)";
        }

        using (zip)
        {
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > LargestPackage)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"its parts would inflate to more than {LargestPackage / (1024 * 1024)} MB");
                }

                if (entry.Length > SmallPart && entry.Length > entry.CompressedLength * HighestRatio)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"the part {entry.FullName} would inflate {entry.Length / Math.Max(1, entry.CompressedLength)} times, like a zip bomb");
                }
            }

            // The sizes above are what the archive declares. The runtime's reader stops at a part's declared size today;
            // inflating each part once with our own bound keeps that guarantee whatever reader runs, and finds damaged
            // deflate data here rather than in the middle of parsing.
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                long read = 0;
                int count;
                while ((count = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    read += count;
                    if (read > entry.Length)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the part {entry.FullName} inflates to more than the {entry.Length} bytes it declares");
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Walks the body once, knowing the cell it is in.</summary>
    private sealed class Walker(MainDocumentPart main)
    {
        private Cell? _cell;
        private int _tables;

        public ItemBuilder Builder { get; } = new();

        /// <summary>The pictures drawn in the document (w:drawing), where they stand among the items.</summary>
        public List<Picture> Pictures { get; } = [];

        /// <summary>Paragraphs and tables of the body, a cell, or a content control, in order.</summary>
        public void Blocks(OpenXmlElement container, int depth)
        {
            if (depth > DeepestNesting)
            {
                return;
            }

            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        var text = Text(paragraph);
                        if (_cell is null)
                        {
                            Builder.Prose(text, 0, 0);
                        }
                        else if (Builder.Cell(text, 0, 0, _cell.Detail))
                        {
                            _cell.Filled = true;
                        }

                        Drawings(paragraph);
                        break;
                    case Table table:
                        Table(table, depth + 1);
                        break;
                    case SdtBlock or SdtContentBlock or CustomXmlBlock:
                        Blocks(child, depth + 1);
                        break;
                }
            }
        }

        private void Table(Table table, int depth)
        {
            if (_cell is not null)
            {
                // A table inside a cell: the outer cell is a frame, not an empty data cell, and the inner rows start afresh.
                _cell.Filled = true;
            }

            var outer = _cell;
            Builder.Break(0, 0);
            var number = ++_tables;
            var rowNumber = 0;
            foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
            {
                rowNumber++;
                var cellNumber = 0;
                foreach (var cell in row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row))
                {
                    cellNumber++;
                    if (IsContinuation(cell))
                    {
                        continue;
                    }

                    _cell = new Cell(string.Create(CultureInfo.InvariantCulture, $"table {number}, row {rowNumber}, cell {cellNumber}"));
                    Blocks(cell, depth + 1);
                    if (!_cell.Filled)
                    {
                        Builder.Blank(0, 0, _cell.Detail);
                    }
                }

                _cell = null;
                Builder.Break(0, 0);
            }

            _cell = outer;
        }

        /// <summary>
        /// The pictures a paragraph draws (a:blip in w:drawing), each once: Word writes a drawing twice for new and old
        /// readers, and the old readers' copy is skipped.
        /// </summary>
        private void Drawings(Paragraph paragraph)
        {
            foreach (var blip in paragraph.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Where(b => !b.Ancestors<AlternateContentFallback>().Any()))
            {
                if (blip.Embed?.Value is not { Length: > 0 } id || !main.TryGetPartById(id, out var part) || part is not ImagePart image)
                {
                    continue;
                }

                using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                if (_cell is not null)
                {
                    _cell.Filled = true;
                }

                Pictures.Add(new Picture(Builder.Items.Count, image.Uri.OriginalString.TrimStart('/'), copy.ToArray()));
            }
        }

        // The lower parts of a vertically merged cell (and of the old horizontal merge) are not cells of their own.
        private static bool IsContinuation(TableCell cell)
        {
            var properties = cell.TableCellProperties;
            if (properties?.VerticalMerge is { } vertical && (vertical.Val is null || vertical.Val.Value == MergedCellValues.Continue))
            {
                return true;
            }

            return properties?.HorizontalMerge is { } horizontal && (horizontal.Val is null || horizontal.Val.Value == MergedCellValues.Continue);
        }

        /// <summary>A paragraph's text: every run joined (labels are often split over runs), tabs and breaks as spaces.</summary>
        private static string Text(Paragraph paragraph)
        {
            var text = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    // Word writes a drawing's text twice, for new and old readers; the old reader's copy is skipped.
                    case DocumentFormat.OpenXml.Wordprocessing.Text run when !run.Ancestors<AlternateContentFallback>().Any():
                        text.Append(run.Text);
                        break;
                    case TabChar or Break or CarriageReturn:
                        text.Append(' ');
                        break;
                }
            }

            return text.ToString();
        }
    }

    /// <summary>The cell being read and whether it has given anything yet.</summary>
    private sealed class Cell(string detail)
    {
        public string Detail { get; } = detail;

        public bool Filled { get; set; }
    }
}
