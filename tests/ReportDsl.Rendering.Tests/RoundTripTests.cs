using System.Collections.Immutable;
using CsCheck;
using ReportDsl.Documents;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Tests;

/// <summary>What we write, we read back: extract(render(data, kind)) gives the same values, for every output kind.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, RenderKind> Cases()
    {
        var cases = new TheoryData<string, RenderKind>();
        foreach (var version in new[] { "2019", "2021" })
        {
            foreach (var kind in Enum.GetValues<RenderKind>())
            {
                cases.Add(version, kind);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracting_a_rendered_report_gives_back_its_data(string version, RenderKind kind)
    {
        var format = Reports.Format(version);
        Generated(format).Sample(
            values =>
            {
                var data = Reports.Read(Reports.Json(format, "某县人民政府办公室", 2024, values), "generated.json");
                var rendered = new Renderer().Render(format, data, [], new RenderOptions { Kind = kind });
                rendered.Diagnostics.ShouldBeEmpty();
                return Extract(rendered.Bytes, kind) is { } back && Same(Reports.Values(data), back);
            },
            iter: 40,
            print: values => string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")));
    }

    [LibreOfficeFact]
    public void Extracting_the_PDF_of_a_rendered_docx_gives_back_its_data()
    {
        foreach (var version in new[] { "2019", "2021" })
        {
            var format = Reports.Format(version);
            // Blanks included (Word prints a blank cell as "/"): a row last on its page and table 四, whose "/" stand
            // apart from their numbers, read back since the PDF reader joins such lines (RenderedPdfTests in
            // ReportDsl.Documents.Tests keeps two of these PDFs).
            Generated(format).Sample(
                values =>
                {
                    var data = Reports.Read(Reports.Json(format, "某县人民政府办公室", 2024, values), "generated.json");
                    return ThroughPdf(data) is { } back && Same(Reports.Values(data), back);
                },
                iter: 5,
                threads: 1,
                print: values => string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")));
        }
    }

    public static TheoryData<string> Examples() => [.. Reports.Examples.Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    [LibreOfficeTheory]
    [MemberData(nameof(Examples))]
    public void Extracting_the_PDF_of_a_rendered_example_gives_back_every_value_it_prints(string example)
    {
        var data = Reports.ReadExample(Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Templates, "examples", example + ".json"));

        var back = ThroughPdf(data);

        // A value the format does not accept (the mistakes example has text in a count cell, a negative count, too many
        // decimals) is printed blank, so it reads back blank.
        back.ShouldNotBeNull();
        Same(Printed(data), back);
    }

    private static SortedDictionary<string, decimal?>? ThroughPdf(ReportData data)
    {
        var format = data.Values.Layout.Format;
        var findings = Reports.ValidatorFor(format).Validate(data);
        var docx = new Renderer().Render(format, data, findings, new RenderOptions { Kind = RenderKind.Docx, Annotate = true });
        docx.Diagnostics.ShouldBeEmpty();
        var pdf = LibreOffice.ToPdf(docx.Bytes);
        return DocumentReader.ReadFile(pdf, "report.pdf", [.. Reports.Formats.Select(Reports.ValidatorFor)]).Data is { } back ? Reports.Values(back) : null;
    }

    private static SortedDictionary<string, decimal?> Printed(ReportData data)
    {
        var values = Reports.Values(data);
        for (var i = 0; i < data.Values.Layout.Cells.Length; i++)
        {
            if (data.Values.StateOf(i) != CellState.Present)
            {
                values[data.Values.Layout.Cells[i].Id] = null;
            }
        }

        return values;
    }

    internal static SortedDictionary<string, decimal?>? Extract(ReadOnlyMemory<byte> bytes, RenderKind kind)
    {
        var path = kind switch
        {
            RenderKind.Markdown => "report.md",
            RenderKind.Html => "report.html",
            RenderKind.Text => "report.txt",
            _ => "report.docx",
        };
        var result = DocumentReader.ReadFile(bytes.Span, path, [.. Reports.Formats.Select(Reports.ValidatorFor)]);
        return result.Data is { } data ? Reports.Values(data) : null;
    }

    internal static bool Same(SortedDictionary<string, decimal?> expected, SortedDictionary<string, decimal?> actual)
    {
        var differences = expected.Where(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value).Select(e => $"{e.Key}: {e.Value} read as {actual.GetValueOrDefault(e.Key)}").ToList();
        differences.ShouldBeEmpty();
        return true;
    }

    /// <summary>Values for every cell of a format, of its type, with about one cell in ten blank (none when small: odd raw values are never blank, and values have at most three digits).</summary>
    internal static Gen<ImmutableSortedDictionary<string, decimal?>> Generated(FormatSymbol format, bool small = false)
    {
        var cells = Reports.ValidatorFor(format).Layout.Cells;
        return Gen.Long[0, long.MaxValue].Array[cells.Length].Select(raw =>
            cells.Select((c, i) => (c.Id, small ? Value(c, (raw[i] % 10_000) | 1) : Value(c, raw[i]))).ToImmutableSortedDictionary(p => p.Id, p => p.Item2, StringComparer.Ordinal));
    }

    private static decimal? Value(CellSymbol cell, long raw)
    {
        if (raw % 10 == 0)
        {
            return null;
        }

        raw /= 10;
        return cell.Type.Kind switch
        {
            CellTypeKind.Integer => (raw % 11000) - 1000,
            CellTypeKind.Amount => (raw % 100_000_000) / (decimal)Math.Pow(10, Math.Min(cell.Type.Precision, 4)),
            _ => raw % 100000,
        };
    }
}
