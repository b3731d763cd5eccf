using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Issue 10 (facts in the prose as constraints for cells run together): the 平潭 pages print 第二十条第（一）项's
/// 行政规范性文件 row run together ("693665" in 2021, "5845546" in 2025), which no rule of the table decides (RD3210).
/// The bundled format states no fact about that row, so the format here is the bundled 2021 one with two facts more
/// (本年制发 and 现行有效 行政规范性文件, each compared with its cell by a warning rule). The committed pages do not state
/// those numbers in their text either: each test adds one sentence to 一、总体情况, as reports that state them do.
/// </summary>
public sealed class RunTogetherFactsTests
{
    private static readonly string Pages = Path.Combine(RepoPaths.Corpus, "peers", "changwu__pingtan-gov-zwgk-archive");

    private static readonly Validator WithFacts = Validator.Create(Compilation.Create(SourceText.From(Spec())).Formats.Single());

    public static TheoryData<string, string, long, long, long> Cases() => new()
    {
        { "202202/80613_平潭综合实验区2021年度政府信息公开工作年度报告/page.txt", "693665", 69, 3, 665 },
        { "202603/105587_平潭综合实验区2025年度政府信息公开工作年度报告/page.txt", "5845546", 58, 45, 546 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Facts_the_text_states_leave_one_reading_of_a_row_run_together(string page, string digits, long issued, long repealed, long inForce)
    {
        var text = File.ReadAllText(Path.Combine(Pages, page));
        text.ShouldContain("行政规范性文件" + digits);

        // Before: the row has several readings (RD3210) and is left empty, with the bundled format and with this one
        // when the text states nothing about it.
        foreach (var validator in (Validator[])[SeedAccuracyTests.Validators.Single(v => v.Format.Version == "2021"), WithFacts])
        {
            var before = Read(text, validator);
            Cells(before).ShouldBe(197);
            before.ReadFindings.ShouldContain(f => f.Code == "RD3210" && f.Message.Contains("\"行政规范性文件\"", StringComparison.Ordinal));
        }

        // After: the text states 制发 and 现行有效; one reading agrees, and is taken, saying so (RD3255).
        var after = Read(Stating(text, issued, inForce), WithFacts);
        Cells(after).ShouldBe(200);
        Row(after).ShouldBe([issued, repealed, inForce]);
        after.ReadFindings.ShouldNotContain(f => f.Code == "RD3210");
        var decided = after.ReadFindings.Single(f => f.Code == "RD3255");
        decided.Message.ShouldContain($"{issued},{repealed},{inForce}");
        decided.Message.ShouldContain("ZS001, ZS002");
        decided.Severity.ShouldBe(FindingSeverity.Warning);
        WithFacts.Validate(after).ShouldNotContain(f => f.Code == "ZS001" || f.Code == "ZS002");
    }

    [Theory]
    [InlineData("202202/80613_平潭综合实验区2021年度政府信息公开工作年度报告/page.txt", "693665")]
    [InlineData("202603/105587_平潭综合实验区2025年度政府信息公开工作年度报告/page.txt", "5845546")]
    public void A_statement_no_reading_agrees_with_decides_nothing(string page, string digits)
    {
        // 制发 larger than any reading allows: the text is wrong, not the table; the row stays ambiguous as before, and
        // is left empty rather than read to fit one sentence.
        var text = Stating(File.ReadAllText(Path.Combine(Pages, page)), 99_999_999, 1);
        text.ShouldContain("行政规范性文件" + digits);
        var data = Read(text, WithFacts);
        Cells(data).ShouldBe(197);
        data.ReadFindings.ShouldContain(f => f.Code == "RD3210" && f.Message.Contains("\"行政规范性文件\"", StringComparison.Ordinal));
        data.ReadFindings.ShouldNotContain(f => f.Code == "RD3255");
    }

    private static ReportData Read(string text, Validator validator) =>
        DocumentReader.ReadText(text, "page.txt", [validator]).Data.ShouldNotBeNull();

    private static int Cells(ReportData data) => Enumerable.Range(0, data.Values.Layout.FirstFact).Count(i => data.Values.StateOf(i) == CellState.Present);

    private static long?[] Row(ReportData data) =>
        [.. new[] { "issued", "repealed", "in_force" }.Select(c => data.Values.Layout.TryGetIndex($"art20_1.normative[{c}]", out var i) ? (long?)data.Values.NumberOf(i) : null)];

    private static string Stating(string text, long issued, long inForce)
    {
        const string heading = "一、总体情况";
        var at = text.IndexOf(heading, StringComparison.Ordinal) + heading.Length;
        return string.Concat(text.AsSpan(0, at), $" 本年度制发行政规范性文件{issued}件，现行有效{inForce}件。", text.AsSpan(at));
    }

    /// <summary>The bundled 2021 format with the two facts and the rules comparing them with the row.</summary>
    private static string Spec()
    {
        var spec = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl"));
        const string facts = "section overview \"一、总体情况\" required prose {\n";
        const string rows = "      normative \"行政规范性文件\" alias \"规范性文件\"\n    }\n";
        spec.ShouldContain(facts);
        spec.ShouldContain(rows);
        return spec
            .Replace(facts, facts
                + "  fact issued \"总体情况所述本年制发的行政规范性文件数\" : count pattern \"制发[^。；，,.;0-9０-９]{0,10}?规范性文件{n}[ 　]*件\"\n"
                + "  fact in_force \"总体情况所述现行有效的行政规范性文件数\" : count pattern \"现行有效[^。；，,.;0-9０-９]{0,10}?{n}[ 　]*件\"\n", StringComparison.Ordinal)
            .Replace(rows, rows
                + "\n    rule ZS001 warning \"总体情况所述本年制发的行政规范性文件数应等于本表“本年制发件数”。\": overview.issued = normative[issued]\n"
                + "    rule ZS002 warning \"总体情况所述现行有效的行政规范性文件数应等于本表“现行有效件数”。\": overview.in_force = normative[in_force]\n", StringComparison.Ordinal);
    }
}
