using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Documents.Ocr;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;
using Xunit.Abstractions;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Word files whose tables are pictures (w:drawing over an image part): the pictures are read by OCR where they stand,
/// as a scan is. The fixture is built here: the pages of the committed LibreOffice PDF of the valid example report
/// (Data/pdf/2021-valid.pdf) drawn by pdftoppm at 200 dpi in grey and put into a .docx, one picture a page, under a
/// heading typed as text.
/// </summary>
public sealed class DocxPictureTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "pdf");

    private static readonly Validator Format2021 = SeedAccuracyTests.Validators.Single(v => v.Format.Version == "2021");

    // The smallest PNG: one white pixel.
    private static readonly byte[] OnePixel = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==");

    [OcrTheory]
    [InlineData("2021-valid")]
    public void A_docx_whose_tables_are_pictures_is_read_by_ocr_with_its_provenance(string name)
    {
        var pages = Pages(Path.Combine(Folder, name + ".pdf"));
        var docx = Docx("示例县人民政府办公室2024年政府信息公开工作年度报告", pages);
        var result = DocumentReader.ReadFile(docx, name + ".docx", SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull(string.Join("; ", result.Errors.Select(e => e.ToString())));
        data.Version.ShouldBe("2021", result.Evidence);

        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".truth.json")));
        var layout = Format2021.Layout;
        var wrong = new List<string>();
        foreach (var property in truth.RootElement.GetProperty("cells").EnumerateObject())
        {
            var index = layout.Cells.Select((c, i) => (c, i)).Single(p => p.c.Id == property.Name).i;
            var read = data.Values.NumberOf(index);
            if (read != property.Value.GetDecimal())
            {
                wrong.Add($"{property.Name}: expected {property.Value}, read {read?.ToString(CultureInfo.InvariantCulture) ?? "null"} ({data.Locator?.Invoke(index)?.Detail})");
            }
        }

        var share = (double)(layout.FirstFact - wrong.Count) / layout.FirstFact;
        output.WriteLine($"{name}.docx: {layout.FirstFact - wrong.Count}/{layout.FirstFact} cells right ({share:P1}); {result.Evidence}");
        wrong.ForEach(output.WriteLine);
        data.ReadFindings.ToList().ForEach(f => output.WriteLine(f.ToString()));
        share.ShouldBeGreaterThanOrEqualTo(0.97);
        Format2021.Validate(data).ShouldNotContain(f => f.Severity == FindingSeverity.Error);

        // Every value says which picture it was read from, where, and how sure OCR was.
        var received = layout.Cells.Select((c, i) => (c, i)).Single(p => p.c.Id == "applications.received[total]").i;
        var detail = data.Locator?.Invoke(received)?.Detail.ShouldNotBeNull() ?? string.Empty;
        detail.ShouldMatch(@"^picture \S*media/\S+\.png, x \d+–\d+, y \d+–\d+, OCR confidence \d+ %$");
    }

    [Fact]
    public void Without_tesseract_a_docx_whose_tables_are_pictures_is_one_finding_saying_what_to_install()
    {
        var docx = Docx("示例县人民政府办公室2024年政府信息公开工作年度报告", [OnePixel]);
        var result = DocumentReader.ReadDocx(docx, "pictures.docx", SeedAccuracyTests.Validators, Path.Combine(Path.GetTempPath(), "no-such-folder"), default);
        result.Data.ShouldBeNull();
        var finding = result.Errors.ShouldHaveSingleItem();
        finding.Code.ShouldBe("RD3252");
        finding.Message.ShouldContain("tesseract-ocr");
    }

    [Fact]
    public void A_docx_whose_text_prints_every_row_is_read_without_ocr_of_its_pictures()
    {
        // The valid example report as Word tables (WrappedLabelPdfTests' .docx) with a picture added, as a seal would be:
        // the text prints every row, so the picture is not read, and no OCR program is even looked for.
        using var stream = new MemoryStream();
        stream.Write(File.ReadAllBytes(Path.Combine(Folder, "2021-five-lines.docx")));
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = document.MainDocumentPart.ShouldNotBeNull();
            var part = main.AddImagePart(ImagePartType.Png);
            using (var image = new MemoryStream(OnePixel))
            {
                part.FeedData(image);
            }

            main.Document.ShouldNotBeNull().Body.ShouldNotBeNull().Append(new Paragraph(new Run(Drawing(main.GetIdOfPart(part), 1, 4572, 4572))));
        }

        var result = DocumentReader.ReadDocx(stream.ToArray(), "seal.docx", SeedAccuracyTests.Validators, Path.Combine(Path.GetTempPath(), "no-such-folder"), default);
        var data = result.Data.ShouldNotBeNull();
        data.ReadFindings.ShouldNotContain(f => f.Code == "RD3252" || f.Code == "RD3201");
        Format2021.Validate(data).ShouldNotContain(f => f.Severity == FindingSeverity.Error);
    }

    /// <summary>Each page of a PDF as a 200 dpi grey PNG, drawn by pdftoppm.</summary>
    private static List<byte[]> Pages(string pdf)
    {
        var folder = Directory.CreateTempSubdirectory("reportdsl-docx-pictures-");
        try
        {
            var (_, problem) = OcrTools.Run(OcrTools.Find("pdftoppm") ?? "pdftoppm", ["-r", "200", "-gray", "-png", pdf, Path.Combine(folder.FullName, "page")], TimeSpan.FromMinutes(2));
            problem.ShouldBeEmpty();
            return [.. folder.GetFiles("page-*.png").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => File.ReadAllBytes(f.FullName))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A .docx: the text as paragraphs, then each picture inline in a paragraph of its own, 200 dpi to the inch.</summary>
    private static byte[] Docx(string text, IReadOnlyList<byte[]> pictures)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in text.Split('\n'))
            {
                body.Append(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line.TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve })));
            }

            for (var i = 0; i < pictures.Count; i++)
            {
                var part = main.AddImagePart(ImagePartType.Png);
                using (var image = new MemoryStream(pictures[i]))
                {
                    part.FeedData(image);
                }

                var size = OcrReader.ImageSize(pictures[i]).ShouldNotBeNull();
                body.Append(new Paragraph(new Run(Drawing(main.GetIdOfPart(part), (uint)(i + 1), size.Width * 4572L, size.Height * 4572L))));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>An inline picture (w:drawing/wp:inline/a:graphic/pic:pic) showing the image part <paramref name="id"/>.</summary>
    private static Drawing Drawing(string id, uint number, long width, long height) =>
        new(new Wp.Inline(
            new Wp.Extent { Cx = width, Cy = height },
            new Wp.DocProperties { Id = number, Name = $"Picture {number}" },
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = number, Name = $"page-{number}.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
}
