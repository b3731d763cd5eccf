using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Real published PDFs from tests/corpus/peers: what each yields (format, values that the folder's SOURCES.md
/// states, cells read, findings), pinned so that a change in the PDF reader shows up here; see docs/corpus.md "PDF".
/// </summary>
public sealed class PdfCorpusTests(ITestOutputHelper output)
{
    private static string Peers => Path.Combine(RepoPaths.Corpus, "peers");

    /// <summary>Each PDF: its path under peers, the cells read, and the finding codes (extraction and validation) with counts.</summary>
    public static TheoryData<string, int, string> Cases() => new()
    {
        // SOURCES.md: （六）其他处理 printed as ONE row (2019 style) in an otherwise 2021 report, so its 3 rows are not found.
        { "zxj6827111-blip__KIROGOVCOMPARE/hzq2023_working.pdf", 179, "FY001 2, RD3201 3; folded: RD3102 10" },
        { "zxj6827111-blip__KIROGOVCOMPARE/hzq2024_working.pdf", 179, "RD3201 3; folded: RD3102 10" },
        { "zxj6827111-blip__govnianbao/szfgs2024.pdf", 200, string.Empty },
        // The peer's side-by-side comparison of two years: rows must be told apart by their own labels (only the
        // 2023 table 三 is read, consistently: 3511 + 96 = 3486 + 121, and 121 is the carry-over SOURCES.md names).
        // Its 总体情况 states 行政复议案件134件，行政诉讼案件57件 (filed across the city) where the table read says 440 and
        // 113: ZT003 and ZT004 are warnings on what the text says, to be looked at, not errors.
        { "zxj6827111-blip__KIROGOVCOMPARE/比对报告_宿迁市_2023vs2024-19.pdf", 193, "RD3201 1, ZT003 1, ZT004 1; folded: RD3102 8" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_real_pdf_yields_what_is_pinned(string file, int cellsRead, string codes)
    {
        var (data, findings) = Read(file);
        var read = Enumerable.Range(0, data.Values.Layout.FirstFact).Count(c => data.Values.NumberOf(c) is not null);
        static string Count(IEnumerable<Finding> some) => string.Join(", ", some.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

        // What follows from an unread row is folded into its finding: pinned apart from the findings reported.
        var folded = Count(findings.SelectMany(f => f.Folded));
        var summary = Count(findings) + (folded.Length == 0 ? string.Empty : $"; folded: {folded}");
        output.WriteLine($"{file}: {data.Version}, {read}/{data.Values.Layout.Cells.Length} cells read; {summary}");
        data.Version.ShouldBe("2021");
        read.ShouldBe(cellsRead);
        summary.ShouldBe(codes);
    }

    [Fact]
    public void Values_stated_in_SOURCES_md_are_read()
    {
        // 洪泽区 2023: table 3 总计 column, 21 = 0+4+3+13+1+0 and 21+0 = 21+0.
        var (hzq2023, _) = Read("zxj6827111-blip__KIROGOVCOMPARE/hzq2023_working.pdf");
        Value(hzq2023, "applications.received[total]").ShouldBe(21);
        Value(hzq2023, "applications.carried_in[total]").ShouldBe(0);
        Value(hzq2023, "applications.results.total[total]").ShouldBe(21);

        // 洪泽区 2024: 95 = 50+9+3+32+1+0.
        var (hzq2024, _) = Read("zxj6827111-blip__KIROGOVCOMPARE/hzq2024_working.pdf");
        Value(hzq2024, "applications.received[total]").ShouldBe(95);
        Value(hzq2024, "applications.results.disclosed[total]").ShouldBe(50);
        Value(hzq2024, "applications.results.partial[total]").ShouldBe(9);
        Value(hzq2024, "applications.results.total[total]").ShouldBe(95);

        // 淮安市 2024: 3119 + 34 = 3153 = 3050 + 103; 行政事业性收费 96171.6 万元.
        var (huaian, _) = Read("zxj6827111-blip__govnianbao/szfgs2024.pdf");
        Value(huaian, "applications.received[total]").ShouldBe(3119);
        Value(huaian, "applications.carried_in[total]").ShouldBe(34);
        Value(huaian, "applications.results.total[total]").ShouldBe(3050);
        Value(huaian, "applications.carried_out[total]").ShouldBe(103);
        Value(huaian, "art20_8.charges[fees]").ShouldBe(96171.6m);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("text")]
    public void Unreadable_pdf_bytes_become_RD3207(string kind)
    {
        var real = File.ReadAllBytes(Path.Combine(Peers, "zxj6827111-blip__govnianbao", "szfgs2024.pdf"));
        var bytes = kind switch
        {
            "empty" => [],
            "random" => RandomBytes(),
            "truncated" => real[..(real.Length / 3)],
            _ => "一、总体情况\n本年新收申请 3 件。\n"u8.ToArray(),
        };
        // How long such bytes take is the fuzzing campaign's business (a hang is an input over 10 s), not a timed test's.
        var result = DocumentReader.ReadFile(bytes, "bad.pdf", SeedAccuracyTests.Validators);
        result.Data.ShouldBeNull();
        result.Errors.Select(e => e.Code).ShouldBe(["RD3207"]);

        static byte[] RandomBytes()
        {
            var random = new Random(7);
            var bytes = new byte[64 * 1024];
            random.NextBytes(bytes);
            return bytes;
        }
    }

    private static (ReportData Data, List<Finding> Findings) Read(string file)
    {
        var result = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(Peers, file)), Path.GetFileName(file), SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull();
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == data.Version);
        return (data, [.. validator.Validate(data)]);
    }

    private static decimal? Value(ReportData data, string id) =>
        data.Values.NumberOf(Enumerable.Range(0, data.Values.Layout.Cells.Length).Single(c => data.Values.Layout.Cells[c].Id == id));
}
