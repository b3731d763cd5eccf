using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Rendering.Tests;

/// <summary>Word output: valid packages, comments on broken cells, the agency's own template filled, PDFs that show every label and value.</summary>
public sealed class WordTests
{
    private static string BlankOfficialTemplate => Path.Combine(RepoPaths.Root, "tests", "corpus", "peers", "zxj6827111-blip__govnianbao", "政务公开年报模版.docx");

    public static TheoryData<string> Examples() => [.. Reports.Examples.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_docx_passes_the_OpenXml_validator(string example)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", example));
        var format = Reports.Format(data.Version);
        var findings = Reports.ValidatorFor(format).Validate(data);
        foreach (var annotate in new[] { false, true })
        {
            var bytes = new Renderer().Render(format, data, findings, new RenderOptions { Kind = RenderKind.Docx, Annotate = annotate }).Bytes;
            Validate(bytes).ShouldBeEmpty();
        }

        var filled = new Renderer().Render(format, data, findings, new RenderOptions { Kind = RenderKind.Docx, WordTemplate = new WordTemplate("t.docx", File.ReadAllBytes(BlankOfficialTemplate)) });
        if (data.Version == "2021")
        {
            // The agency's own file is what it is (this one carries Word 2010 style elements the validator rejects): filling it adds no error.
            Validate(filled.Bytes).ShouldBe(Validate(File.ReadAllBytes(BlankOfficialTemplate)));
        }
    }

    [Theory]
    [InlineData("agency", "\"agency\"")]
    [InlineData("prose", "\"prose\"")]
    public void A_control_character_in_the_data_is_written_as_a_replacement_character_with_RD4103(string where, string named)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json")))!.AsObject();
        if (where == "agency")
        {
            json["agency"] = "示例\u0001县";
        }
        else
        {
            json["prose"] = new System.Text.Json.Nodes.JsonObject { ["overview"] = "本年度\u0007工作概述。" };
        }

        var data = Reports.Read(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), "control.json");
        var format = Reports.Format("2021");
        foreach (var template in new WordTemplate?[] { null, new("t.docx", File.ReadAllBytes(BlankOfficialTemplate)) })
        {
            var result = new Renderer().Render(format, data, [], new RenderOptions { Kind = RenderKind.Docx, WordTemplate = template });
            result.Succeeded.ShouldBeTrue();
            if (template is null || where == "agency")
            {
                var warning = result.Diagnostics.ShouldHaveSingleItem();
                warning.Code.ShouldBe("RD4103");
                warning.Message.ShouldContain(named);
            }

            if (template is null)
            {
                Validate(result.Bytes).ShouldBeEmpty();
                using var document = WordprocessingDocument.Open(new MemoryStream(result.Bytes.ToArray()), false);
                document.MainDocumentPart!.Document.InnerText.ShouldContain("\uFFFD");
            }
        }
    }

    [Fact]
    public void Annotated_docx_has_a_comment_in_every_cell_with_a_finding()
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-mistakes.json"));
        var format = Reports.Format("2021");
        var findings = Reports.ValidatorFor(format).Validate(data);
        var bytes = new Renderer().Render(format, data, findings, new RenderOptions { Kind = RenderKind.Docx, Annotate = true }).Bytes;

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes.ToArray()), false);
        var comments = document.MainDocumentPart!.WordprocessingCommentsPart!.Comments.Elements<Comment>().ToList();
        var cellsWithFindings = findings.SelectMany(f => f.Cells.Where(c => !c.IsPrevious).Select(c => c.Id)).Distinct().Count();
        comments.Count.ShouldBe(cellsWithFindings);
        var anchors = document.MainDocumentPart.Document.Descendants<CommentRangeStart>().ToList();
        anchors.Count.ShouldBe(comments.Count);
        anchors.ShouldAllBe(a => a.Ancestors<TableCell>().Any());
        var gk001 = findings.First(f => f.Code == "GK001");
        comments.Select(c => c.InnerText).ShouldContain(t => t.Contains("GK001", StringComparison.Ordinal) && t.Contains(gk001.Left!.Expression, StringComparison.Ordinal)
            && t.Contains(gk001.Left.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void The_blank_official_template_is_filled_and_reads_back_with_its_styles_kept()
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"));
        var format = Reports.Format("2021");
        var template = File.ReadAllBytes(BlankOfficialTemplate);

        var result = new Renderer().Render(format, data, [], new RenderOptions { Kind = RenderKind.Docx, WordTemplate = new WordTemplate("模版.docx", template) });

        result.Diagnostics.ShouldBeEmpty();
        RoundTripTests.Same(Reports.Values(data), RoundTripTests.Extract(result.Bytes, RenderKind.Docx)!);
        using var original = WordprocessingDocument.Open(new MemoryStream(template), false);
        using var filled = WordprocessingDocument.Open(new MemoryStream(result.Bytes.ToArray()), false);
        filled.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml.ShouldBe(original.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml);
        var paragraphs = original.MainDocumentPart.Document.Body!.Elements<Paragraph>().Select(p => p.OuterXml).ToList();
        filled.MainDocumentPart.Document.Body!.Elements<Paragraph>().Select(p => p.OuterXml).ShouldBe(paragraphs);
        filled.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single().OuterXml.ShouldBe(original.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single().OuterXml);
    }

    [Fact]
    public void An_annotated_agency_template_gets_a_comment_in_every_cell_with_a_finding()
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-mistakes.json"));
        var format = Reports.Format("2021");
        var findings = Reports.ValidatorFor(format).Validate(data);
        var template = new WordTemplate("模版.docx", File.ReadAllBytes(BlankOfficialTemplate));

        var result = new Renderer().Render(format, data, findings, new RenderOptions { Kind = RenderKind.Docx, Annotate = true, WordTemplate = template });

        result.Diagnostics.ShouldBeEmpty();
        using var document = WordprocessingDocument.Open(new MemoryStream(result.Bytes.ToArray()), false);
        var comments = document.MainDocumentPart!.WordprocessingCommentsPart!.Comments.Elements<Comment>().ToList();
        comments.Count.ShouldBe(findings.SelectMany(f => f.Cells.Where(c => !c.IsPrevious).Select(c => c.Id)).Distinct().Count());
        document.MainDocumentPart.Document.Descendants<CommentRangeStart>().ShouldAllBe(a => a.Ancestors<TableCell>().Any());
        Validate(result.Bytes).ShouldBe(Validate(File.ReadAllBytes(BlankOfficialTemplate)));
        new Renderer().Render(format, data, findings, new RenderOptions { Kind = RenderKind.Docx, Annotate = true, WordTemplate = template }).Bytes.ToArray()
            .ShouldBe(result.Bytes.ToArray(), "the same input gives the same bytes");
    }

    [LibreOfficeFact]
    public void LibreOffice_converts_every_docx_to_a_PDF_with_every_label_and_value()
    {
        foreach (var example in Reports.Examples)
        {
            var data = Reports.ReadExample(example);
            var format = Reports.Format(data.Version);
            var docx = new Renderer().Render(format, data, [], new RenderOptions { Kind = RenderKind.Docx }).Bytes;

            var text = Squeeze(LibreOffice.Text(LibreOffice.ToPdf(docx)));

            var labels = format.Sections.Select(s => s.Label)
                .Concat(format.Tables.SelectMany(t => new[] { t.Label, t.Stub, t.ColumnsCaption }.OfType<string>()))
                .Concat(format.Tables.SelectMany(t => AllItems(t.Rows).Concat(AllItems(t.Columns)).Where(i => !i.IsUnlabeled).Select(i => i.Label)));
            foreach (var label in labels.Distinct())
            {
                ContainsInOrder(text, Squeeze(label)).ShouldBeTrue($"{Path.GetFileName(example)}: label {label} is not in the PDF text");
            }

            for (var cell = 0; cell < data.Values.Layout.Cells.Length; cell++)
            {
                if (data.Values.NumberOf(cell) is { } value)
                {
                    text.ShouldContain(value.ToString(CultureInfo.InvariantCulture), customMessage: $"{Path.GetFileName(example)}: {data.Values.Layout.Cells[cell].Id}");
                }
            }
        }
    }

    private static IEnumerable<Semantics.AxisItemSymbol> AllItems(IEnumerable<Semantics.AxisItemSymbol> items) =>
        items.SelectMany(i => new[] { i }.Concat(AllItems(i.Children)));

    // A label wrapped in a narrow merged cell can have a neighbour's text between its lines, and a merged cell cut by a
    // page break has the repeated header rows between its parts: its characters must still appear in order, close together.
    private static bool ContainsInOrder(string text, string label)
    {
        for (var start = text.IndexOf(label[0], StringComparison.Ordinal); start >= 0; start = text.IndexOf(label[0], start + 1))
        {
            var position = start;
            var matched = 0;
            while (matched < label.Length && position < text.Length && position - start < (label.Length * 8) + 400)
            {
                if (text[position] == label[matched])
                {
                    matched++;
                }

                position++;
            }

            if (matched == label.Length)
            {
                return true;
            }
        }

        return false;
    }

    // Labels wrap inside narrow cells; comparing without whitespace checks the words, not where lines break.
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static List<string> Validate(ReadOnlyMemory<byte> bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes.ToArray()), false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }
}
