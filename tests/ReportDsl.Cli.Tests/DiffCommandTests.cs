using ReportDsl.Tests.Infrastructure;
using static ReportDsl.Cli.Tests.CliRun;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// reportdsl diff: every folder under tests/Samples/700-diff holds old.rdsl, new.rdsl and the approved
/// expected.diff.txt (exit code with --fail-on breaking, then the text output); and the official revision, approved.
/// </summary>
public sealed class DiffCommandTests
{
    private static readonly string Templates = RepoPaths.Templates;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(RepoPaths.Samples, "700-diff")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diff_sample(string name)
    {
        var folder = Path.Combine(RepoPaths.Samples, "700-diff", name);
        var (exit, output, error) = Run("diff", Path.Combine(folder, "old.rdsl"), Path.Combine(folder, "new.rdsl"), "--fail-on", "breaking");
        error.ShouldBeEmpty();
        Baseline.Match(Path.Combine(folder, "expected.diff.txt"), Clean($"exit {exit}\n{output}"));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    public void Issue9_the_official_2019_to_2021_revision(string format)
    {
        var (exit, output, error) = Run("diff", Path.Combine(Templates, "2019.rdsl"), Path.Combine(Templates, "2021.rdsl"), "--format", format, "--fail-on", "breaking");
        error.ShouldBeEmpty();
        exit.ShouldBe(1, "the 2021 revision is breaking");
        Clean(output).ShouldMatchApproved(c => c.WithDiscriminator(format).SubFolder("Approved").NoDiff());
    }

    [Fact]
    public void The_chinese_change_notice_says_aliases_and_printed_text_in_chinese()
    {
        var folder = Path.Combine(RepoPaths.Samples, "700-diff", "025-printed-text-and-absent-cells");
        var (_, output, _) = Run("diff", Path.Combine(folder, "old.rdsl"), Path.Combine(folder, "new.rdsl"), "--format", "markdown");

        // Each change is a Chinese line ("- …") then its English one; the Chinese has none of the diff's English words.
        var chinese = output.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        chinese.ShouldContain("- ⚠ 部分“一、示例”已修改（别名 \"一、示例情况\" → 无别名）。");
        chinese.ShouldContain("- 表格“示例表”已修改（无行标题 → 行标题 \"办理情况\"）。");
        chinese.ShouldNotContain(l => l.Contains("alias", StringComparison.Ordinal) || l.Contains("stub", StringComparison.Ordinal) || l.Contains("banner", StringComparison.Ordinal));
    }

    [Fact]
    public void The_2019_to_2021_diff_names_the_real_changes()
    {
        var (_, output, _) = Run("diff", Path.Combine(Templates, "2019.rdsl"), Path.Combine(Templates, "2021.rdsl"));
        output.ShouldContain("added      column  art20_1.issued \"本年制发件数\"");
        output.ShouldContain("removed    column  art20_1.made \"本年新制作数量\"");
        output.ShouldContain("split      row     applications.results.other -> applications.results.other.no_correction, results.other.unpaid_fee, results.other.other");
        output.ShouldContain("removed    table   art20_9 \"第二十条第（九）项\"");
    }

    [Fact]
    public void A_format_compared_with_itself_has_no_changes_and_exits_0()
    {
        var spec = Path.Combine(Templates, "2021.rdsl");
        var (exit, output, _) = Run("diff", spec, spec, "--fail-on", "breaking");
        exit.ShouldBe(0);
        output.ShouldEndWith("0 change(s): 0 breaking, 0 compatible.\n");
    }

    [Fact]
    public void The_variant_of_2019_differs_by_four_removed_columns()
    {
        var (exit, output, _) = Run("diff", Path.Combine(Templates, "2019.rdsl"), Path.Combine(Templates, "2019-decisions-only.rdsl"));
        exit.ShouldBe(0, "without --fail-on the diff only reports");
        output.Split('\n').Count(l => l.StartsWith("breaking   removed    column", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Fact]
    public void Fail_on_any_fails_on_a_compatible_change_and_none_never_fails()
    {
        // 004 only rewords a column label: compatible.
        var folder = Path.Combine(RepoPaths.Samples, "700-diff", "004-relabelled-column");
        string[] pair = [Path.Combine(folder, "old.rdsl"), Path.Combine(folder, "new.rdsl")];
        Run(["diff", .. pair, "--fail-on", "breaking"]).Exit.ShouldBe(0);
        Run(["diff", .. pair, "--fail-on", "any"]).Exit.ShouldBe(1);
        Run(["diff", .. pair, "--fail-on", "none"]).Exit.ShouldBe(0);
        var revision = new[] { Path.Combine(Templates, "2019.rdsl"), Path.Combine(Templates, "2021.rdsl") };
        Run(["diff", .. revision, "--fail-on", "none"]).Exit.ShouldBe(0, "none never fails, even on a breaking revision");
        Run(["diff", .. revision, "--fail-on", "any"]).Exit.ShouldBe(1);
        var same = Path.Combine(Templates, "2021.rdsl");
        Run("diff", same, same, "--fail-on", "any").Exit.ShouldBe(0, "no change at all");
        Run("diff", same, same, "--fail-on", "compatible").Exit.ShouldBe(2, "an unknown value is a usage error");
    }

    [Fact]
    public void A_variant_of_a_bundled_format_is_compared_without_naming_the_bundled_file()
    {
        // The variant extends 2019, which neither argument names: it is found among the bundled formats.
        var variant = Path.Combine(Directory.CreateTempSubdirectory("reportdsl-diff-").FullName, "variant.rdsl");
        File.WriteAllText(variant, "format gov_info_disclosure version \"2019-x\" extends gov_info_disclosure 2019 {\n}\n\nremove column art20_5.change\n");
        var (exit, output, error) = Run("diff", Path.Combine(Templates, "2021.rdsl"), variant);
        error.ShouldBeEmpty();
        exit.ShouldBe(0);
        output.ShouldStartWith("diff gov_info_disclosure 2021 -> gov_info_disclosure 2019-x\n");
    }

    [Fact]
    public void Missing_files_and_specs_with_errors_are_usage_errors()
    {
        Run("diff", "missing-old.rdsl", Path.Combine(Templates, "2021.rdsl")).Exit.ShouldBe(2);
        var broken = Path.Combine(Directory.CreateTempSubdirectory("reportdsl-diff-").FullName, "broken.rdsl");
        File.WriteAllText(broken, "format f version 1 {");
        Run("diff", broken, Path.Combine(Templates, "2021.rdsl")).Exit.ShouldBe(2);
        Run("diff", Path.Combine(Templates, "2019.rdsl"), Path.Combine(Templates, "2021.rdsl"), "--format", "xml").Exit.ShouldBe(2);
    }

    private static string Clean(string text) => text.Replace(RepoPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
}
