using static ReportDsl.Cli.Tests.CliRun;
using System.Globalization;
using System.Text;

namespace ReportDsl.Cli.Tests;

/// <summary>The reportdsl command end to end, in process, with its output captured.</summary>
public sealed class CliTests : IDisposable
{
    private static readonly string Templates = Path.Combine(FindRoot(), "templates", "gov-info-disclosure");
    private readonly string _folder = Directory.CreateTempSubdirectory("reportdsl-cli-").FullName;
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Check_on_the_bundled_formats_is_clean()
    {
        var (exit, output, error) = Run("check", Templates);
        exit.ShouldBe(0);
        output.ShouldBeEmpty();
        error.ShouldContain("3 file(s) checked: 0 error(s), 0 warning(s).");
    }

    [Fact]
    public void Check_prints_errors_in_MSBuild_form_and_exits_1()
    {
        var spec = Write("bad.rdsl", "format f version 1 { title \"t\" source \"s\" years 2021.. }\nsection s \"一\" bogus prose\n");
        var (exit, output, _) = Run("check", spec, "--lang", "en");
        exit.ShouldBe(1);
        output.ShouldStartWith($"{spec}(2,15): error RD1006: Unexpected \"bogus\";");
    }

    [Fact]
    public void Check_speaks_Chinese_with_lang_zh()
    {
        var spec = Write("bad.rdsl", "format f version 1 { title \"t\" source \"s\" years 2021.. }\nsection s \"一\" bogus prose\n");
        var (exit, output, _) = Run("check", spec, "--lang", "zh");
        exit.ShouldBe(1);
        output.ShouldContain("error RD1006: 此处不应出现“bogus”");
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var spec = Write("warn.rdsl", File.ReadAllText(Path.Combine(Templates, "2021.rdsl")).Replace("for each column:\n      received +", "tolerance 1 for each column:\n      received +", StringComparison.Ordinal));
        var (exit, output, _) = Run("check", spec);
        exit.ShouldBe(0);
        output.ShouldContain("warning RD3004");
    }

    [Fact]
    public void A_missing_file_exits_2_with_a_coded_diagnostic()
    {
        var missing = Path.Combine(_folder, "nope.rdsl");
        var (exit, output, _) = Run("check", missing, "--lang", "en");
        exit.ShouldBe(2);
        output.ShouldContain($"{missing}: error RD6001: The file or folder \"{missing}\" does not exist.");
    }

    [Fact]
    public void An_escaped_exception_is_an_internal_error_with_exit_3_and_no_stack_trace()
    {
        var error = new StringWriter();
        var exit = Program.Run(["validate", Path.Combine(Templates, "examples", "2021-valid.json"), "--lang", "en"], new CliContext(new ThrowingWriter(), error));
        exit.ShouldBe(3);
        error.ToString().ShouldContain("error RD6049: Internal error (System.InvalidOperationException: boom).");
        error.ToString().ShouldContain("please report it");
        error.ToString().ShouldNotContain("   at ");

        var debug = new StringWriter();
        Program.Run(["validate", Path.Combine(Templates, "examples", "2021-valid.json")], new CliContext(new ThrowingWriter(), debug) { Debug = true }).ShouldBe(3);
        debug.ToString().ShouldContain("   at ", customMessage: "REPORTDSL_DEBUG=1 shows where it happened");
    }

    [Fact]
    public void Unknown_options_are_rejected_with_a_suggestion_not_taken_as_files()
    {
        var (exit, output, error) = Run("check", "--frobnicate", Templates, "--lang", "en");
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("--frobnicate: error RD6035: The command \"reportdsl check\" has no option \"--frobnicate\".");

        Run("extract", "--sepc", "x.txt", "--lang", "en").Error.ShouldContain("Did you mean \"--spec\"?");
        Run("check", "--", "--not-an-option.rdsl", "--lang", "en").Output.ShouldContain("RD6001", customMessage: "after --, it is a path");
    }

    [Fact]
    public void Standard_input_is_read_where_one_input_is()
    {
        var spec = File.ReadAllBytes(Path.Combine(Templates, "2021.rdsl"));
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error) { OpenStandardInput = () => new MemoryStream(spec) };
        Program.Run(["check", "-"], context).ShouldBe(0, error.ToString());
        error.ToString().ShouldContain("1 file(s) checked");

        var seed = File.ReadAllBytes(Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Corpus, "seeds", "003_a728f3a6d1ee2bff.txt"));
        var extracted = new StringWriter();
        Program.Run(["extract", "-"], new CliContext(extracted, new StringWriter()) { OpenStandardInput = () => new MemoryStream(seed) }).ShouldBe(0);
        extracted.ToString().ShouldContain("\"version\": \"2021\"");
    }

    [Fact]
    public void Help_lists_every_input_kind_and_exit_code_and_speaks_Chinese()
    {
        var help = Run("--help", "--lang", "en").Output;
        foreach (var kind in new[] { ".json", ".txt", ".md", ".html", ".docx", ".pdf" })
        {
            help.ShouldContain(kind);
        }

        help.ShouldContain("3 internal error");
        help.ShouldContain("130 interrupted");
        Run("validate", "--help", "--lang", "en").Output.ShouldContain("--format");
        Run("validate", "--help", "--lang", "zh").Output.ShouldContain("按格式校验报告数据");
        Run("extract", "--help", "--lang", "en").Output.ShouldContain(".pdf");
    }

    [Fact]
    public void A_file_that_is_not_UTF8_exits_2_with_a_diagnostic()
    {
        var path = Path.Combine(_folder, "binary.rdsl");
        File.WriteAllBytes(path, [0xFF, 0xFE, 0x00, 0x80, 0x41]);
        var (exit, output, _) = Run("check", path, "--lang", "en");
        exit.ShouldBe(2);
        output.ShouldContain("error RD1011");
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Run("check").Exit.ShouldBe(2);
        Run("frobnicate").Exit.ShouldBe(2);
        Run("check", Templates, "--lang", "fr").Exit.ShouldBe(2);
    }

    [Fact]
    public void Help_lists_every_command_with_an_example()
    {
        var (exit, output, _) = Run("--help");
        exit.ShouldBe(0);
        output.ShouldContain("check");
        output.ShouldContain("fmt");
        foreach (var command in new[] { "check", "fmt" })
        {
            Run(command, "--help").Output.ShouldContain($"Example: reportdsl {command}");
        }
    }

    [Fact]
    public void Fmt_check_lists_unformatted_files_then_fmt_rewrites_them_atomically()
    {
        var messy = "format f version 1 {title \"t\"   source \"s\" years 2021..}\nsection s \"一\" prose // keep me\n";
        var spec = Write("messy.rdsl", messy);

        var (exit, output, _) = Run("fmt", "--check", spec);
        exit.ShouldBe(1);
        output.ShouldContain($"{spec}: not formatted");
        File.ReadAllText(spec).ShouldBe(messy);

        Run("fmt", spec).Exit.ShouldBe(0);
        File.ReadAllText(spec).ShouldBe("format f version 1 {\n  title \"t\"\n  source \"s\"\n  years 2021..\n}\n\nsection s \"一\" prose // keep me\n");
        Directory.GetFiles(_folder).ShouldBe([spec], "no temporary file is left behind");
        Run("fmt", "--check", spec).Exit.ShouldBe(0);
    }

    [Fact]
    public void Fmt_leaves_a_file_with_syntax_errors_untouched()
    {
        var broken = "format f version 1 {\n";
        var spec = Write("broken.rdsl", broken);
        var (exit, output, _) = Run("fmt", spec);
        exit.ShouldBe(1);
        output.ShouldContain("error RD1005");
        File.ReadAllText(spec).ShouldBe(broken);
    }

    [Fact]
    public void The_bundled_formats_are_formatted()
    {
        Run("fmt", "--check", Templates).Exit.ShouldBe(0);
    }

    [Fact]
    public void Emit_csharp_writes_the_validator_atomically()
    {
        var spec = Path.Combine(Templates, "2021.rdsl");
        var output = Write("Gov2021.cs", "// an older version\n");

        var (exit, stdout, error) = Run("emit", "csharp", spec, "-o", output, "--namespace", "My.Reports");
        exit.ShouldBe(0);
        stdout.ShouldBeEmpty();
        error.ShouldContain($"{output}: written");
        var text = File.ReadAllText(output);
        text.ShouldStartWith("// <auto-generated>\n");
        text.ShouldContain("namespace My.Reports;");
        text.ShouldContain("public static global::System.Collections.Generic.IReadOnlyList<Finding> Validate(Report report, Report? previous = null)");
        Directory.GetFiles(_folder).ShouldBe([output], "no temporary file is left behind");

        var (toStdout, printed, _) = Run("emit", "csharp", spec);
        toStdout.ShouldBe(0);
        printed.ShouldContain("namespace ReportDsl.Generated;");
        printed.Replace("namespace ReportDsl.Generated;", "namespace My.Reports;", StringComparison.Ordinal).ShouldBe(text);
    }

    [Fact]
    public void Emit_csharp_on_a_spec_with_errors_exits_2_and_writes_nothing()
    {
        var spec = Write("bad.rdsl", "format f version 1 { title \"t\" source \"s\" years 2021.. }\nsection s \"一\" bogus prose\n");
        var output = Path.Combine(_folder, "Bad.cs");
        var (exit, _, error) = Run("emit", "csharp", spec, "-o", output, "--lang", "en");
        exit.ShouldBe(2);
        error.ShouldContain("error RD1006");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Emit_csharp_rejects_an_invalid_namespace()
    {
        var output = Path.Combine(_folder, "Gov2021.cs");
        var (exit, _, error) = Run("emit", "csharp", Path.Combine(Templates, "2021.rdsl"), "-o", output, "--namespace", "My.class");
        exit.ShouldBe(2);
        error.ShouldContain("\"My.class\" is not a valid C# namespace");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Emit_csharp_help_has_an_example()
    {
        var (exit, output, _) = Run("emit", "csharp", "--help");
        exit.ShouldBe(0);
        output.ShouldContain("Example: reportdsl emit csharp ");
        output.ShouldContain("--namespace");
        Run("emit", "--help").Output.ShouldContain("csharp");
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("boom");

        public override void WriteLine(string? value) => throw new InvalidOperationException("boom");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }


    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReportDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find ReportDsl.sln");
    }

    [Fact]
    public void Issue9_a_variant_that_extends_a_bundled_format_is_a_complete_format_for_every_command()
    {
        var variant = Write("local.rdsl", """
            format gov_info_disclosure version "local" extends gov_info_disclosure 2021 {
              years 2022..
            }

            remove row art20_6.enforcement
            """);
        Run("check", variant).Exit.ShouldBe(0, "extends resolves against the bundled formats");
        var data = Write("local.json", File.ReadAllText(Path.Combine(Templates, "examples", "2021-valid.json"))
            .Replace("\"version\": \"2021\"", "\"version\": \"local\"", StringComparison.Ordinal)
            .Replace("\"art20_6.enforcement[decisions]\": 191,", string.Empty, StringComparison.Ordinal));
        var (exit, output, _) = Run("validate", data, "--spec", variant, "--lang", "en");
        output.ShouldNotContain("RD3107", customMessage: "the removed row is not expected");
        exit.ShouldBe(0);
        Run("emit", "json-schema", variant).Output.ShouldNotContain("art20_6.enforcement");
    }
}
