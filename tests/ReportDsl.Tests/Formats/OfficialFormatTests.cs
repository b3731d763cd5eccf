using System.Text;
using System.Text.Json;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Formats;

/// <summary>The bundled 2019 and 2021 formats: clean, faithful to the official tables, and to the seed reports.</summary>
public sealed class OfficialFormatTests
{
    private static FormatSymbol Load(string version)
    {
        var compilation = WithReferences(version);
        compilation.GetDiagnostics().ShouldBeEmpty();
        return compilation.Formats.ShouldHaveSingleItem();
    }

    /// <summary>One bundled format, with the others as references, so that its lineage is checked against the format it revises.</summary>
    internal static Compilation WithReferences(string version)
    {
        var path = Path.Combine(RepoPaths.Templates, version + ".rdsl");
        var others = Directory.EnumerateFiles(RepoPaths.Templates, "*.rdsl").Where(f => Path.GetFileName(f) != version + ".rdsl").Order(StringComparer.Ordinal)
            .Select(f => SyntaxTree.Parse(SourceText.From(File.ReadAllText(f), f)));
        return Compilation.Create([SyntaxTree.Parse(SourceText.From(File.ReadAllText(path), path))], others);
    }

    [Theory]
    [InlineData("2019", 23, 20, 22)]
    [InlineData("2021", 25, 22, 10)]
    public void The_application_table_has_the_official_shape(string version, int rows, int results, int proactiveCells)
    {
        var format = Load(version);
        var applications = format.FindTable("applications").ShouldNotBeNull();

        applications.ValueRows.Length.ShouldBe(rows);
        applications.FindItem(Axis.Row, "results").ShouldNotBeNull().ValueLeaves().Count().ShouldBe(results);
        applications.ValueColumns.Select(c => string.Join('/', c.LabelPath)).ShouldBe(
            ["自然人", "法人或其他组织/商业企业", "法人或其他组织/科研机构", "法人或其他组织/社会公益组织", "法人或其他组织/法律服务机构", "法人或其他组织/其他", "总计"]);
        format.Sections.Single(s => s.Name == "proactive").Tables.Sum(t => t.Cells.Length).ShouldBe(proactiveCells);
        format.FindTable("reviews").ShouldNotBeNull().Cells.Length.ShouldBe(15);
        format.Sections.Select(s => s.Label).ShouldBe(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void The_official_invariants_are_there(string version)
    {
        var rules = Load(version).Rules.ToDictionary(r => r.Code);

        // 第一项加第二项之和，等于第三项加第四项之和, in each of the 7 columns.
        var balance = rules["GK001"].Expand().ToList();
        balance.Count.ShouldBe(7);
        balance[0].ToString().ShouldContain("applications.received[natural]");
        balance[0].Left.ToString().ShouldBe("applications.received[natural] + applications.carried_in[natural]");
        balance[0].Right.ToString().ShouldBe("applications.results.total[natural] + applications.carried_out[natural]");

        // 总计 = 自然人 + the five 法人或其他组织 columns, in every row.
        rules["GK002"].Expand().Count().ShouldBe(version == "2019" ? 23 : 25);
        rules["GK002"].Expand().First().Right.Terms.Length.ShouldBe(6);

        // (七)总计 = every result item, per column.
        rules["GK003"].Expand().First().Right.Terms.Length.ShouldBe(version == "2019" ? 19 : 21);

        // Each 总计 of the review and litigation table = its four outcomes: one rule, checked in each of the three groups.
        var groups = rules["FY001"].Expand().ToList();
        groups.Select(i => i.Scope?.Group?.Path).ShouldBe(["review", "litigation.direct", "litigation.after_review"]);
        groups.ShouldAllBe(i => i.Right.Terms.Length == 4);
        groups[1].Left.ToString().ShouldBe("reviews.cases[litigation.direct.total]");

        rules["GK004"].Expand().First().Right.Terms.Single().IsPrevious.ShouldBeTrue();
    }

    [Fact]
    public void The_fee_is_an_amount_in_wan_yuan_in_2021()
    {
        var format = Load("2021");
        var fee = format.FindTable("art20_8").ShouldNotBeNull().Cells.ShouldHaveSingleItem();
        fee.Type.ShouldBe(new CellType(CellTypeKind.Amount, "万元", 6));
        format.Tables.SelectMany(t => t.Cells).Where(c => c.Id != fee.Id).ShouldAllBe(c => c.Type.Kind == CellTypeKind.Count);
    }

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "seeds"), "*.truth.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Every value read off a real report by hand has a cell in the spec of that report's format, by official labels.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_cell_of_a_seed_report_is_a_cell_of_its_format(string seed)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "seeds", seed)));
        var version = truth.RootElement.GetProperty("format").GetString().ShouldNotBeNull();
        var keys = truth.RootElement.GetProperty("cells").EnumerateObject().Select(p => p.Name).ToHashSet();
        var specKeys = Load(version).Tables.SelectMany(t => t.Cells).Select(SeedKeys.Of).ToHashSet();

        keys.Except(specKeys).ShouldBeEmpty();
        if (version == "2021")
        {
            specKeys.Except(keys).ShouldBeEmpty("a 2021 seed has every cell of the 2021 format");
        }
    }

    /// <summary>Seed 001 (a 2024 report in a 2019-style layout) has exactly the cells of the declared variant of 2019.</summary>
    [Fact]
    public void Issue9_seed_001_is_the_declared_variant_of_2019()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "seeds", "001_1eb96f4772f69272.truth.json")));
        var keys = truth.RootElement.GetProperty("cells").EnumerateObject().Select(p => p.Name).ToHashSet();
        var variant = Load("2019-decisions-only");
        variant.IsExtension.ShouldBeTrue();
        variant.Earlier.ShouldNotBeNull().Version.ShouldBe("2019");
        variant.Tables.SelectMany(t => t.Cells).Select(SeedKeys.Of).ToHashSet().SetEquals(keys).ShouldBeTrue();
        Load("2019").Tables.SelectMany(t => t.Cells).Select(SeedKeys.Of).ToHashSet().SetEquals(keys).ShouldBeFalse("the plain 2019 format has columns the seed does not");
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    [InlineData("2019-decisions-only")]
    public void Model_dump(string version)
    {
        var dump = WithReferences(version).GetSemanticModel().Dump();
        dump.ShouldMatchApproved(c => c.WithDiscriminator(version).SubFolder("Approved").NoDiff());
    }

    /// <summary>The 2019 to 2021 revision, as a text diff of the specs: it must list the official changes and nothing else.</summary>
    [Fact]
    public void Revision_2019_to_2021()
    {
        var before = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2019.rdsl"));
        var after = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl"));
        var builder = new StringBuilder();
        foreach (var line in InlineDiffBuilder.Diff(before, after).Lines.Where(l => l.Type != ChangeType.Unchanged))
        {
            builder.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Text).Append('\n');
        }

        builder.ToString().ShouldMatchApproved(c => c.SubFolder("Approved").NoDiff());
    }
}
