using System.Text;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>The sections' text cut from real documents by their headings, and the facts the bundled formats read from it.</summary>
public sealed class ProseFactsTests
{
    private static readonly Validator[] Validators = SeedAccuracyTests.Validators;

    private static ReportData Read(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Corpus, relativePath);
        return DocumentReader.ReadFile(File.ReadAllBytes(path), Path.GetFileName(path), Validators).Data.ShouldNotBeNull();
    }

    private static decimal? Fact(ReportData data, string id)
    {
        data.Values.Layout.TryGetIndex(id, out var cell).ShouldBeTrue(id);
        data.Values.Layout.Cells[cell].Fact.ShouldNotBeNull();
        return data.Values.NumberOf(cell);
    }

    [Fact]
    public void Seed_000_states_8_applications_handled_where_its_table_says_0_and_the_finding_points_at_both()
    {
        var data = Read("seeds/000_f4eb4aa3f1bc3581.txt");
        Fact(data, "overview.handled").ShouldBe(8m);
        var validator = Validators.Single(v => v.Format.Version == data.Version);

        var finding = validator.Validate(data).Single(f => f.Code == "ZT002");
        finding.Severity.ShouldBe(FindingSeverity.Warning);
        finding.Left!.Value.ShouldBe(8m);
        finding.Right!.Value.ShouldBe(0m);
        var sentence = finding.Cells.Single(c => c.Id == "overview.handled");
        sentence.Location.ShouldBe(new FindingLocation("000_f4eb4aa3f1bc3581.txt", 11, 127));
        var line = File.ReadAllLines(Path.Combine(RepoPaths.Corpus, "seeds", "000_f4eb4aa3f1bc3581.txt"))[10];
        line[126..].ShouldStartWith("办理答复依申请公开信息8件");
        finding.Cells.Single(c => c.Id == "applications.results.total[total]").Location.ShouldNotBeNull().Line.ShouldBeGreaterThan(11);
    }

    [Theory]
    [InlineData("seeds/000_f4eb4aa3f1bc3581.txt")]
    [InlineData("seeds/001_1eb96f4772f69272.txt")]
    [InlineData("seeds/002_666e9dc88e2a2bfc.txt")]
    [InlineData("seeds/004_b0a0644a2287c115.txt")]
    public void Every_section_of_a_seed_is_found_by_its_heading(string seed)
    {
        var data = Read(seed);
        data.HasProse.ShouldBeTrue();
        data.Prose.Select(p => p.Section).ShouldBe(["overview", "proactive", "requests", "reviews", "problems", "other"]);
        data.Prose.ShouldAllBe(p => p.Text.Length > 0 && p.Location != null);
        data.ReadFindings.ShouldNotContain(f => f.Code == "RD3125");
    }

    [Fact]
    public void A_heading_numbered_otherwise_is_found_at_the_start_of_its_line()
    {
        // Seed 004 prints "6、 其他需要报告的事项" where the format says "六、其他需要报告的事项".
        var data = Read("seeds/004_b0a0644a2287c115.txt");
        var other = data.Prose.Single(p => p.Section == "other");
        other.Heading.ShouldBe("6,其他需要报告的事项");
        other.Location.ShouldNotBeNull().Line.ShouldBeGreaterThan(400);
    }

    [Fact]
    public void The_names_in_the_preamble_are_not_taken_for_headings()
    {
        // Seed 000's 编制说明 lists "总体情况、…" in running text before the real heading 一、总体情况 on line 6.
        var data = Read("seeds/000_f4eb4aa3f1bc3581.txt");
        data.Prose.Single(p => p.Section == "overview").Location.ShouldNotBeNull().Line.ShouldBe(7);
    }

    [Fact]
    public void Pingtan_2025_states_36_reviews_and_9_lawsuits_as_its_flattened_table_does()
    {
        var data = Read("peers/changwu__pingtan-gov-zwgk-archive/202603/105587_平潭综合实验区2025年度政府信息公开工作年度报告/page.txt");
        Fact(data, "overview.reviews").ShouldBe(36m);
        Fact(data, "overview.lawsuits").ShouldBe(9m);
        var findings = Validators.Single(v => v.Format.Version == data.Version).Validate(data);
        findings.ShouldNotContain(f => f.Code == "ZT003" || f.Code == "ZT004");
    }

    [Fact]
    public void What_extract_writes_reads_back_with_the_same_text_and_the_same_findings()
    {
        var data = Read("seeds/000_f4eb4aa3f1bc3581.txt");
        var validator = Validators.Single(v => v.Format.Version == data.Version);
        var json = ReportDataWriter.Write(data);
        var again = ReportDataReader.Read(Encoding.UTF8.GetBytes(json), "000.json", (f, v) => f == data.FormatName && v == data.Version ? validator.Layout : null, "test").Data.ShouldNotBeNull();

        again.Prose.Select(p => (p.Section, p.Text, p.Heading, p.Location?.Line)).ShouldBe(data.Prose.Select(p => (p.Section, p.Text, p.Heading, p.Location?.Line)));
        Fact(again, "overview.handled").ShouldBe(8m);
        validator.Validate(again).Where(f => f.Rule is not null).Select(f => f.Code).ShouldBe(validator.Validate(data).Where(f => f.Rule is not null).Select(f => f.Code));
        var sentence = validator.Validate(again).Single(f => f.Code == "ZT002").Cells.Single(c => c.Id == "overview.handled").Location.ShouldNotBeNull();
        json.Split('\n')[sentence.Line - 1][(sentence.Column - 1)..].ShouldStartWith("办理答复依申请公开信息8件");
    }
}
