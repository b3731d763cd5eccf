using static ReportDsl.Cli.Tests.CliRun;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReportDsl.Cli.Validation;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

/// <summary><c>validate --format junit</c> and <c>--format github</c>: approved outputs for the bundled examples, and the rules of each format.</summary>
public sealed partial class CiFormatTests
{
    private static readonly string Examples = Path.Combine("templates", "gov-info-disclosure", "examples");

    [Theory]
    [InlineData("junit")]
    [InlineData("github")]
    public void Examples_output_is_approved(string format)
    {
        var (exit, output, _) = RunInRoot("validate", Examples, "--format", format, "--lang", "en");
        exit.ShouldBe(1);
        output.ShouldMatchApproved(c => c.WithDiscriminator(format).SubFolder("Approved").NoDiff());
    }

    [Fact]
    public void JUnit_has_a_suite_per_file_and_a_case_per_rule()
    {
        var (_, output, _) = RunInRoot("validate", Examples, "--format", "junit", "--lang", "en");
        var document = XDocument.Parse(output);
        var suites = document.Root!.Elements("testsuite").ToList();
        suites.Select(s => (string?)s.Attribute("name")).ShouldBe(
            ["templates/gov-info-disclosure/examples/2019-valid.json", "templates/gov-info-disclosure/examples/2021-mistakes.json", "templates/gov-info-disclosure/examples/2021-valid.json"]);
        foreach (var suite in suites)
        {
            // The counts agree with the cases, as GitLab and Jenkins read them from the attributes.
            ((int)suite.Attribute("tests")!).ShouldBe(suite.Elements("testcase").Count());
            ((int)suite.Attribute("failures")!).ShouldBe(suite.Elements("testcase").Count(c => c.Element("failure") is not null));
            ((int)suite.Attribute("skipped")!).ShouldBe(suite.Elements("testcase").Count(c => c.Element("skipped") is not null));
        }

        var mistakes = suites[1];
        var gk001 = mistakes.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("GK001 ", StringComparison.Ordinal));
        gk001.Attribute("classname")!.Value.ShouldBe("reportdsl.gov_info_disclosure-2021.applications");
        gk001.Element("failure")!.Attribute("type")!.Value.ShouldBe("GK001");
        gk001.Element("failure")!.Value.ShouldContain("difference 1");
        mistakes.Elements("testcase").Last().Attribute("name")!.Value.ShouldBe("values");
        suites[2].Descendants("failure").ShouldBeEmpty();
    }

    [Fact]
    public void JUnit_skips_the_rules_whose_checks_are_folded_under_the_finding_that_left_a_cell_empty()
    {
        // Its document leaves one cell of table 三 empty (RD3201, folding GK002 and GK003) and one of table 五 (RD3140, folding SS001).
        var (exit, output, _) = RunInRoot("validate", "tests/Samples/500-validation/040-document-folded-findings/data.txt", "--format", "junit", "--lang", "en");
        exit.ShouldBe(1);
        var suite = XDocument.Parse(output).Root!.Element("testsuite")!;
        var skipped = suite.Elements("testcase").Where(c => c.Element("skipped") is not null).ToList();
        skipped.Select(c => ((string)c.Attribute("name")!)[..5]).ShouldBe(["GK002", "GK003", "SS001"]);
        ((int)suite.Attribute("skipped")!).ShouldBe(3);
        var ss001 = skipped[2].Element("skipped")!;
        ss001.Attribute("message")!.Value.ShouldStartWith("Rule SS001 could not be checked");
        ss001.Value.ShouldContain("not checked because of RD3140 at tests/Samples/500-validation/040-document-folded-findings/data.txt(167,10)");
        skipped[1].Element("skipped")!.Attribute("message")!.Value.ShouldStartWith("7 × Rule GK003");
    }

    [Fact]
    public void JUnit_reports_an_unreadable_file_as_an_error()
    {
        var (exit, output, _) = RunInRoot("validate", "tests/Samples/500-validation/008-invalid-json/data.json", "--format", "junit");
        exit.ShouldBe(2);
        var testCase = XDocument.Parse(output).Descendants("testcase").Single();
        testCase.Attribute("name")!.Value.ShouldBe("read");
        testCase.Element("error")!.Attribute("type")!.Value.ShouldBe("RD3110");
    }

    [Fact]
    public void GitHub_lines_are_workflow_commands_on_the_value_line()
    {
        var (_, output, _) = RunInRoot("validate", Path.Combine(Examples, "2021-mistakes.json"), "--format", "github", "--lang", "en");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var commands = lines.Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        commands.ShouldNotBeEmpty();
        commands.ShouldAllBe(l => CommandPattern().IsMatch(l));
        commands.ShouldContain(l => l.StartsWith("::error file=templates/gov-info-disclosure/examples/2021-mistakes.json,line=", StringComparison.Ordinal) && l.Contains("title=GK001::", StringComparison.Ordinal));
        lines[^1].ShouldBe("1 file(s): 0 clean, 1 with errors, 0 with warnings only, 0 unreadable.");
    }

    [Theory]
    [InlineData("a%b\r\nc", "a%25b%0D%0Ac")]
    [InlineData("plain 文字", "plain 文字")]
    public void GitHub_message_escaping(string text, string escaped) => GitHubResultWriter.Data(text).ShouldBe(escaped);

    [Theory]
    [InlineData("C:/reports/a,b.json", "C%3A/reports/a%2Cb.json")]
    [InlineData("50%\n", "50%25%0A")]
    public void GitHub_property_escaping(string text, string escaped) => GitHubResultWriter.Property(text).ShouldBe(escaped);

    /// <summary>Runs the CLI on paths under the repository root and shows them relative to it, as a CI job run from the root sees them.</summary>
    private static (int Exit, string Output, string Error) RunInRoot(params string[] args)
    {
        var root = RepoPaths.Root + Path.DirectorySeparatorChar;
        var (exit, output, error) = Run([.. args.Select(a => a.StartsWith("templates", StringComparison.Ordinal) || a.StartsWith("tests", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, a) : a)]);
        return (exit, output.Replace(root, string.Empty, StringComparison.Ordinal), error);
    }

    [GeneratedRegex(@"^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[A-Z]+\d+::[^\r\n]+$")]
    private static partial Regex CommandPattern();
}
