using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// The real text documents of tests/corpus/peers (copied with their provenance): what each yields is pinned — the format, the number of cells read,
/// values that the corpus SOURCES.md states, and the findings that matter. docs/corpus.md reports the same.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Peers = Path.Combine(RepoPaths.Corpus, "peers");

    public static TheoryData<string, string, int, string> Documents() => new()
    {
        // path under corpus/peers, format, cells read, "cell=value;..." as SOURCES.md states them
        { "changwu__pingtan-gov-zwgk-archive/202001/80576_平潭综合实验区2019年度政府信息公开工作年度报告/page.txt", "2019", 179,
          "applications.received[natural]=23;applications.results.total[natural]=23;applications.results.disclosed[natural]=7;applications.results.partial[natural]=1" },
        { "changwu__pingtan-gov-zwgk-archive/202202/80613_平潭综合实验区2021年度政府信息公开工作年度报告/page.txt", "2021", 197,
          "applications.received[total]=70;applications.results.total[total]=69;applications.carried_out[total]=1;reviews.cases[review.upheld]=1;reviews.cases[review.other]=2;reviews.cases[review.total]=3;reviews.cases[litigation.direct.upheld]=12;reviews.cases[litigation.direct.total]=12;reviews.cases[litigation.after_review.total]=0" },
        { "changwu__pingtan-gov-zwgk-archive/202603/105587_平潭综合实验区2025年度政府信息公开工作年度报告/page.txt", "2021", 197,
          "applications.received[total]=154;applications.results.total[total]=148;applications.carried_out[total]=6;art20_8.charges[fees]=4166.241619;reviews.cases[review.upheld]=25;reviews.cases[review.total]=36;reviews.cases[litigation.direct.total]=6;reviews.cases[litigation.after_review.total]=3" },
        { "zxj6827111-blip__KIROGOVCOMPARE/tests/沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt", "2021", 200,
          "applications.received[natural]=705;applications.received[legal.law_firm]=5;applications.received[total]=713;applications.carried_in[total]=36;applications.results.disclosed[total]=294;applications.results.partial[total]=101;applications.results.total[total]=718;reviews.cases[review.total]=61;reviews.cases[litigation.direct.total]=3;reviews.cases[litigation.after_review.pending]=1;reviews.cases[litigation.after_review.total]=10" },
        { "zxj6827111-blip__KIROGOVCOMPARE/tests/fixtures/annual-report/kewei-2024-source.md", "2021", 125,
          "applications.received[total]=34;applications.results.total[total]=35" },
        { "zxj6827111-blip__KIROGOVCOMPARE/tests/fixtures/annual-report/shanghai-office-sample-source.md", "2021", 187,
          "applications.received[total]=1295;applications.results.total[total]=1191" },
        { "zxj6827111-blip__govnianbao/section3_raw_text.txt", "2021", 92,
          "applications.received[total]=3119" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void What_each_corpus_document_yields(string path, string format, int cellsRead, string facts)
    {
        var result = DocumentReader.ReadText(File.ReadAllText(Path.Combine(Peers, path)), path, SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull();
        data.Version.ShouldBe(format, result.Evidence);
        var layout = data.Values.Layout;
        Enumerable.Range(0, layout.FirstFact).Count(i => data.Values.StateOf(i) == CellState.Present).ShouldBe(cellsRead);
        foreach (var fact in facts.Split(';'))
        {
            var (id, value) = (fact.Split('=')[0], decimal.Parse(fact.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
            layout.TryGetIndex(id, out var index).ShouldBeTrue(id);
            data.Values.NumberOf(index).ShouldBe(value, id);
        }
    }

    [Fact]
    public void Run_together_cells_that_no_rule_decides_are_reported_not_guessed()
    {
        var path = "changwu__pingtan-gov-zwgk-archive/202001/80576_平潭综合实验区2019年度政府信息公开工作年度报告/page.txt";
        var data = DocumentReader.ReadText(File.ReadAllText(Path.Combine(Peers, path)), path, SeedAccuracyTests.Validators).Data.ShouldNotBeNull();

        // SOURCES.md: "13575394432.52元 is ambiguous — 1357 | 5394432.52元 or 135 | 75394432.52元".
        var ambiguous = data.ReadFindings.Single(f => f.Code == "RD3210" && f.Message.Contains("政府集中采购", StringComparison.Ordinal));
        ambiguous.Message.ShouldContain("1357,5394432.52");
        ambiguous.Message.ShouldContain("135,75394432.52");
        data.Values.Layout.TryGetIndex("art20_9.procurement[amount]", out var amount).ShouldBeTrue();
        data.Values.StateOf(amount).ShouldBe(CellState.Missing);
    }
}
