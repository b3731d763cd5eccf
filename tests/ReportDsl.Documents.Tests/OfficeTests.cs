using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Legacy word-processor files (.rtf, .doc, and .wps, which WPS writes in the .doc format) are read through LibreOffice;
/// the fixtures were made by LibreOffice from the .docx of validation sample 013 (see Data/office/README.md), so each
/// must read exactly like that .docx. Needs LibreOffice on PATH (.ci/run installs it).
/// </summary>
public sealed class OfficeTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "office");

    private static string Docx => Path.Combine(RepoPaths.Root, "tests", "Samples", "500-validation", "013-document-docx", "data.docx");

    [LibreOfficeTheory]
    [InlineData("report.rtf", "report.rtf")]
    [InlineData("report.doc", "report.doc")]
    [InlineData("report.doc", "report.wps")]
    public void A_legacy_file_reads_like_the_docx_it_was_made_from(string file, string readAs)
    {
        var expected = DocumentReader.ReadFile(File.ReadAllBytes(Docx), "data.docx", SeedAccuracyTests.Validators).Data.ShouldNotBeNull();
        var before = Directory.GetFiles(Folder).Length;
        var result = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(Folder, file)), readAs, SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull(string.Join("; ", result.Errors.Select(e => e.Message)));

        data.Version.ShouldBe(expected.Version);
        var layout = data.Values.Layout;
        Enumerable.Range(0, layout.Cells.Length).Select(i => (layout.Cells[i].Id, data.Values.NumberOf(i)))
            .ShouldBe(Enumerable.Range(0, layout.Cells.Length).Select(i => (layout.Cells[i].Id, expected.Values.NumberOf(i))));
        data.ReadFindings.Select(f => f.Code).ShouldBe(expected.ReadFindings.Select(f => f.Code));

        // The conversion happens in a temporary folder: nothing is written next to the input.
        Directory.GetFiles(Folder).Length.ShouldBe(before);
    }

    [LibreOfficeTheory]
    [InlineData("report.doc", "RD3205")]
    [InlineData("report.rtf", "RD3205")]
    [InlineData("report.xlsx", "RD3206")]
    public void Bytes_that_are_not_such_a_file_end_in_one_finding(string name, string code)
    {
        // LibreOffice opens what is not a .doc or .rtf as plain text, which has no tables; an .xlsx must be a package.
        var result = DocumentReader.ReadFile("这不是一个文件"u8, name, SeedAccuracyTests.Validators);
        result.Data.ShouldBeNull();
        result.Errors.Select(e => e.Code).ShouldBe([code]);
    }
}
