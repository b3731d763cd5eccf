using System.Globalization;
using System.Text.RegularExpressions;
using ReportDsl.Diagnostics;
using ReportDsl.Text;

namespace ReportDsl.Tests.Diagnostics;

public sealed partial class DiagnosticCatalogTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            data.Add(descriptor.Code);
        }

        return data;
    }

    [Fact]
    public void Codes_are_unique_well_formed_and_in_order()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        codes.ShouldBeUnique();
        codes.ShouldAllBe(c => CodePattern().IsMatch(c));
        codes.ShouldBe(codes.Order(StringComparer.Ordinal).ToList());
        DiagnosticCatalog.All.Select(d => d.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_English_and_a_Chinese_message_that_end_a_sentence(string code)
    {
        var descriptor = DiagnosticCatalog.All.Single(d => d.Code == code);
        var english = string.Format(English, descriptor.GetMessageFormat(English), "x", "y", string.Empty, "w", "v");
        var chinese = string.Format(Chinese, descriptor.GetMessageFormat(Chinese), "x", "y", string.Empty, "w", "v");

        english.ShouldNotBe(chinese);
        english.ShouldMatch(@"[.?]$");
        chinese.ShouldMatch(@"[。？]$|[.?]$");
        ContainsCjk(chinese).ShouldBeTrue($"{code} has no Chinese translation");
        ContainsCjk(descriptor.GetMessageFormat(English).Replace("万元", string.Empty, StringComparison.Ordinal)).ShouldBeFalse($"{code}'s English message is not English");
    }

    [Fact]
    public void RD9001_internal_error_says_it_is_a_bug()
    {
        var text = SourceText.From("x", "a.rdsl");
        var diagnostic = DiagnosticCatalog.InternalError(text, new TextSpan(0, 1), "boom");

        diagnostic.Code.ShouldBe("RD9001");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.ToString(English).ShouldBe("a.rdsl(1,1): error RD9001: Internal compiler error: boom. This is a bug in ReportDsl; please report it with the input file.");
    }

    [Fact]
    public void Messages_follow_the_UI_culture_and_diagnostics_print_in_MSBuild_form()
    {
        var compilation = Compilation.Create(SourceText.From("format f version 1 { title \"t\" source \"s\" years 2021.. }\nsection s \"一\" bogus prose\n", "spec.rdsl"));
        var diagnostic = compilation.GetDiagnostics().ShouldHaveSingleItem();

        diagnostic.ToString(English).ShouldStartWith("spec.rdsl(2,15): error RD1006: Unexpected \"bogus\";");
        diagnostic.GetMessage(Chinese).ShouldStartWith("此处不应出现“bogus”");
        diagnostic.Start.ShouldBe(new LinePosition(2, 15));
    }

    [Fact]
    public void The_documented_catalogue_lists_every_code()
    {
        var documented = File.ReadAllText(Path.Combine(Infrastructure.RepoPaths.Root, "docs", "diagnostics.md"));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            documented.ShouldContain($"| {descriptor.Code} | {descriptor.Severity.ToString().ToLowerInvariant()} | {descriptor.Name} |", Case.Sensitive);
        }
    }

    private static bool ContainsCjk(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    [GeneratedRegex(@"^RD[1-9]\d{3}$")]
    private static partial Regex CodePattern();
}
