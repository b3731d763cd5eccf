using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// Runs every reportdsl command of docs/ci.md as written, through bash with a reportdsl on the PATH that is this
/// build's CLI, in a scratch repository whose reports/ are the bundled examples and formats/ the bundled specs.
/// Commands come from the YAML blocks: <c>run:</c> steps, GitLab <c>script:</c> items, and pre-commit <c>entry:</c>
/// hooks (given the files their <c>files:</c>/<c>exclude:</c> patterns select, as pre-commit does).
/// </summary>
public sealed partial class CiDocsTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("reportdsl-ci-").FullName;

    public CiDocsTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "reports"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Templates, "examples")))
        {
            File.Copy(file, Path.Combine(_repo, "reports", Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(_repo, "formats"));
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates, "*.rdsl"))
        {
            File.Copy(file, Path.Combine(_repo, "formats", Path.GetFileName(file)));
        }

        var bin = Directory.CreateDirectory(Path.Combine(_repo, ".bin")).FullName;
        var cli = Path.Combine(AppContext.BaseDirectory, "ReportDsl.Cli.dll");
        File.WriteAllText(Path.Combine(bin, "reportdsl"), $"#!/usr/bin/env bash\nexec dotnet \"{cli}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "reportdsl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        // The GitLab spec job repeats the GitHub one's commands; each distinct command runs once.
        foreach (var command in Extract(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ci.md")), ReportFiles()).Distinct(StringComparer.Ordinal))
        {
            data.Add(command);
        }

        return data;
    }

    [Fact]
    public void Every_yaml_block_that_mentions_reportdsl_gives_commands()
    {
        var blocks = YamlBlocks(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ci.md"))).Where(b => b.Contains("reportdsl ", StringComparison.Ordinal)).ToList();
        blocks.Count.ShouldBe(5);
        foreach (var block in blocks)
        {
            Extract($"```yaml\n{block}```\n", ReportFiles()).ShouldNotBeEmpty(block);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_runs_as_documented(string command)
    {
        var (exit, output, error) = Bash(command);
        exit.ShouldBe(ExpectedExit(command), $"{command}\n{error}");
        if (RedirectPattern().Match(command) is { Success: true } redirect)
        {
            var written = File.ReadAllText(Path.Combine(_repo, redirect.Groups[1].Value));
            if (redirect.Groups[1].Value.EndsWith(".sarif", StringComparison.Ordinal))
            {
                using var sarif = JsonDocument.Parse(written);
                sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
                sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBeGreaterThan(0);
            }
            else
            {
                var junit = XDocument.Parse(written);
                junit.Root!.Name.LocalName.ShouldBe("testsuites");
                junit.Descendants("failure").ShouldNotBeEmpty();
            }
        }
        else if (command.Contains("--format github", StringComparison.Ordinal))
        {
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                (line.StartsWith("::error file=reports/", StringComparison.Ordinal) || line.StartsWith("::warning file=reports/", StringComparison.Ordinal) || line.Contains("file(s):", StringComparison.Ordinal))
                    .ShouldBeTrue(line);
            }
        }
    }

    /// <summary>The bundled examples hold one report with mistakes on purpose: a validate run that includes it finds errors (1); everything else is clean (0).</summary>
    private static int ExpectedExit(string command)
    {
        if (command.EndsWith("|| true", StringComparison.Ordinal))
        {
            return 0;
        }

        var words = command.Split(' ');
        var validatesMistakes = words[1] == "validate" && words.Skip(2).Any(w => w is "reports/" or "reports" || w.Contains("mistakes", StringComparison.Ordinal));
        return validatesMistakes ? 1 : 0;
    }

    private (int Exit, string Output, string Error) Bash(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = _repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = Path.Combine(_repo, ".bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue(command);
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The files of the scratch repository, relative and with '/', for the pre-commit patterns.</summary>
    private static List<string> ReportFiles() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Templates, "examples")).Select(f => "reports/" + Path.GetFileName(f)),
        .. Directory.EnumerateFiles(RepoPaths.Templates, "*.rdsl").Select(f => "formats/" + Path.GetFileName(f)),
    ];

    internal static IEnumerable<string> Extract(string markdown, IReadOnlyList<string> files)
    {
        foreach (var block in YamlBlocks(markdown))
        {
            var lines = block.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (RunPattern().Match(line) is { Success: true } run && run.Groups[1].Value.StartsWith("reportdsl ", StringComparison.Ordinal))
                {
                    yield return run.Groups[1].Value;
                }
                else if (line.StartsWith("entry: reportdsl ", StringComparison.Ordinal))
                {
                    var hook = lines.Skip(i + 1).TakeWhile(l => !l.TrimStart().StartsWith("- id:", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
                    var include = new Regex(Value(hook, "files:") ?? ".");
                    var exclude = Value(hook, "exclude:") is { } pattern ? new Regex(pattern) : null;
                    var selected = files.Where(f => include.IsMatch(f) && exclude?.IsMatch(f) != true).Order(StringComparer.Ordinal).ToList();
                    selected.ShouldNotBeEmpty(line);
                    yield return $"{line["entry: ".Length..]} {string.Join(' ', selected)}";
                }
            }
        }
    }

    private static string? Value(List<string> hook, string key) =>
        hook.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim();

    private static IEnumerable<string> YamlBlocks(string markdown) =>
        FencePattern().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"^(?:run:|-)\s+(reportdsl .*)$")]
    private static partial Regex RunPattern();

    [GeneratedRegex(@">\s*(\S+)")]
    private static partial Regex RedirectPattern();
}
