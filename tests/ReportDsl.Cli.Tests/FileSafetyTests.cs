using System.Text;
using ReportDsl.Cli.Files;
using ReportDsl.Cli.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;
using static ReportDsl.Cli.Tests.CliRun;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// What the one file writer keeps (mode, owner, links, the inputs) and that nothing stops a batch, on real file-system
/// state. The refusals with their messages are samples under tests/Samples/600-cli; these check what a message cannot.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private static readonly string Seed = Path.Combine(RepoPaths.Corpus, "seeds", "003_a728f3a6d1ee2bff.txt");
    private static readonly string Valid = Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json");
    private readonly string _folder = CliProcess.CreateFolder("reportdsl-files-");

    public void Dispose() => CliProcess.DeleteFolder(_folder);

    [Fact]
    public void A_600_file_stays_600_and_gets_the_new_text()
    {
        var target = Write("out.json", "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Run("extract", Seed, "-o", target).Exit.ShouldBe(0);

        File.GetUnixFileMode(target).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(target).ShouldStartWith("{");
        NoTemporaryFiles();
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_text()
    {
        var target = Write("target.json", "old\n");
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, "target.json");

        Run("emit", "json-schema", Path.Combine(RepoPaths.Templates, "2021.rdsl"), "-o", link).Exit.ShouldBe(0);

        new FileInfo(link).LinkTarget.ShouldBe("target.json");
        File.ReadAllText(target).ShouldBe(File.ReadAllText(Path.Combine(RepoPaths.Templates, "examples", "gov_info_disclosure-2021.schema.json")));
        NoTemporaryFiles();
    }

    [RootFact]
    public void A_file_of_another_user_keeps_its_owner_when_root_rewrites_it()
    {
        var target = Write("theirs.json", "old\n");
        Posix.ChangeOwner(target, CliProcess.Nobody, CliProcess.Nobody).ShouldBe(0);

        Run("extract", Seed, "-o", target).Exit.ShouldBe(0);

        var status = Posix.Stat(target, followLinks: false, out _).ShouldNotBeNull();
        (status.Owner, status.Group).ShouldBe(((uint)CliProcess.Nobody, (uint)CliProcess.Nobody));
        File.ReadAllText(target).ShouldStartWith("{");
    }

    [Fact]
    public void An_output_that_is_an_input_of_any_spelling_is_refused_and_left_as_it_was()
    {
        var spec = Write("spec.rdsl", File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl")));
        var original = File.ReadAllText(spec);
        var spelled = Path.Combine(_folder, ".", "..", Path.GetFileName(_folder), "spec.rdsl");

        var (exit, _, error) = Run("emit", "csharp", spec, "-o", spelled, "--lang", "en");

        exit.ShouldBe(2);
        error.ShouldContain("error RD6020");
        File.ReadAllText(spec).ShouldBe(original);
        NoTemporaryFiles();
    }

    [Fact]
    public void Validate_writes_its_results_to_a_file_and_refuses_to_write_over_a_report_it_reads()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_folder, "reports")).FullName;
        File.Copy(Valid, Path.Combine(reports, "a.json"));
        var results = Path.Combine(_folder, "results.sarif");

        var (exit, output, _) = Run("validate", reports, "--format", "sarif", "-o", results);
        exit.ShouldBe(0);
        output.ShouldBeEmpty();
        using (var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(results)))
        {
            sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        }

        var (refused, _, error) = Run("validate", reports, "-o", Path.Combine(reports, "a.json"), "--lang", "en");
        refused.ShouldBe(2);
        error.ShouldContain("RD6020");
        File.ReadAllText(Path.Combine(reports, "a.json")).ShouldBe(File.ReadAllText(Valid));
        NoTemporaryFiles();

        // The batch is walked while it is validated, after the output is opened: a hard link outside the folder to
        // a report inside it is still found to be an input, and nothing is written.
        var link = Path.Combine(_folder, "link.json");
        using (var ln = System.Diagnostics.Process.Start("ln", [Path.Combine(reports, "a.json"), link]))
        {
            ln.WaitForExit();
            ln.ExitCode.ShouldBe(0);
        }

        var (linked, _, linkError) = Run("validate", reports, "--format", "json", "-o", link, "--lang", "en");
        linked.ShouldBe(2);
        linkError.ShouldContain("RD6020");
        File.ReadAllText(link).ShouldBe(File.ReadAllText(Valid));
        NoTemporaryFiles();
    }

    [Fact]
    public void Fmt_keeps_the_mode_of_the_files_it_rewrites_and_goes_on_after_one_it_may_not()
    {
        var messy = "format f version 1 {title \"t\"   source \"s\" years 2021..}\nsection s \"一\" prose\n";
        var locked = Write("a-locked.rdsl", messy);
        var open = Write("b-open.rdsl", messy);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead);
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var (exit, output, _) = Run("fmt", _folder, "--lang", "en");

        exit.ShouldBe(2);
        output.ShouldContain($"{locked}: error RD6024");
        output.ShouldContain($"{open}: formatted");
        File.ReadAllText(locked).ShouldBe(messy);
        File.ReadAllText(open).ShouldNotBe(messy);
        File.GetUnixFileMode(open).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        NoTemporaryFiles();
    }

    [Fact]
    public void A_missing_path_among_several_inputs_is_a_finding_and_the_rest_is_validated()
    {
        File.Copy(Valid, Path.Combine(_folder, "a.json"));
        var (exit, output, _) = Run("validate", Path.Combine(_folder, "missing.json"), Path.Combine(_folder, "a.json"), "--format", "json");

        exit.ShouldBe(2);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("unreadable").GetBoolean())).ToList();
        files.ShouldBe([(Path.Combine(_folder, "missing.json"), true), (Path.Combine(_folder, "a.json"), false)]);
    }

    [Fact]
    public void A_symbolic_link_loop_is_followed_once_and_no_file_is_counted_twice()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_folder, "reports")).FullName;
        var sub = Directory.CreateDirectory(Path.Combine(reports, "sub")).FullName;
        File.Copy(Valid, Path.Combine(sub, "a.json"));
        File.CreateSymbolicLink(Path.Combine(sub, "loop"), "..");
        File.CreateSymbolicLink(Path.Combine(reports, "again"), "sub");
        File.CreateSymbolicLink(Path.Combine(reports, "same.json"), Path.Combine("sub", "a.json"));

        var (exit, output, _) = Run("validate", reports, reports, Path.Combine(sub, "a.json"), "--format", "json");

        exit.ShouldBe(0, output);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("clean").GetInt32().ShouldBe(1, "one report, however many ways lead to it");
        summary.GetProperty("byCode").GetProperty("RD6004").GetInt32().ShouldBe(1);
    }

    [UnprivilegedFact]
    public void An_unreadable_folder_does_not_stop_check_fmt_or_validate()
    {
        var specs = Directory.CreateDirectory(Path.Combine(_folder, "specs")).FullName;
        File.Copy(Path.Combine(RepoPaths.Templates, "2021.rdsl"), Path.Combine(specs, "a.rdsl"));
        var locked = Directory.CreateDirectory(Path.Combine(specs, "locked")).FullName;
        File.Copy(Path.Combine(RepoPaths.Templates, "2019.rdsl"), Path.Combine(locked, "b.rdsl"));
        File.SetUnixFileMode(locked, UnixFileMode.None);

        foreach (var command in new[] { "check", "fmt" })
        {
            var (exit, output, error) = CliProcess.Run(_folder, [command, "specs", "--lang", "en"], unprivileged: true);
            exit.ShouldBe(2, error);
            output.ShouldContain("specs/locked: error RD6002");
            error.ShouldNotContain("   at ");
        }

        var reports = Directory.CreateDirectory(Path.Combine(_folder, "reports")).FullName;
        File.Copy(Valid, Path.Combine(reports, "a.json"));
        var closed = Directory.CreateDirectory(Path.Combine(reports, "closed")).FullName;
        File.Copy(Valid, Path.Combine(closed, "b.json"));
        File.SetUnixFileMode(closed, UnixFileMode.None);
        var (validated, json, _) = CliProcess.Run(_folder, ["validate", "reports", "--format", "json"], unprivileged: true);
        validated.ShouldBe(2);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        document.RootElement.GetProperty("summary").GetProperty("clean").GetInt32().ShouldBe(1);
        document.RootElement.GetProperty("summary").GetProperty("byCode").GetProperty("RD6002").GetInt32().ShouldBe(1);
    }

    [UnprivilegedFact]
    public void A_read_only_file_of_another_user_is_not_rewritten_by_fmt()
    {
        var messy = "format f version 1 {title \"t\"   source \"s\" years 2021..}\nsection s \"一\" prose\n";
        var spec = Write("theirs.rdsl", messy);
        File.SetUnixFileMode(Path.GetDirectoryName(spec)!, (UnixFileMode)0b111_111_111);

        var (exit, output, _) = CliProcess.Run(_folder, ["fmt", "theirs.rdsl", "--lang", "en"], unprivileged: true);

        exit.ShouldBe(2);
        output.ShouldContain("theirs.rdsl: error RD6024");
        File.ReadAllText(spec).ShouldBe(messy);
        NoTemporaryFiles();
    }

    [Fact]
    public void A_failing_output_file_leaves_no_temporary_file_and_the_target_unchanged()
    {
        var target = Write("out.json", "old\n");
        var writer = new SafeFileWriter(new InputSet());
        using (var file = writer.Open(target, out var problem).ShouldNotBeNull(problem?.ToString()))
        {
            file.Write("new text").ShouldBeNull();
            Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Length.ShouldBe(1, "the text goes to a temporary file first");
        }

        File.ReadAllText(target).ShouldBe("old\n", "a file not committed is abandoned");
        NoTemporaryFiles();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private void NoTemporaryFiles() =>
        Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).ShouldBeEmpty();
}
