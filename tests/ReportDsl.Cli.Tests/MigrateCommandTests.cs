using System.Text;
using System.Text.Json;
using ReportDsl.Tests.Infrastructure;
using static ReportDsl.Cli.Tests.CliRun;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// reportdsl migrate: every sample folder with an expected.migration.txt migrates its data (read with the folder's
/// input.rdsl, else the bundled formats) to input.target.rdsl (or the 2021 format), and the approved text lists the exit
/// code, the findings and the migrated values; seed 001 to 2021 approved.
/// </summary>
public sealed class MigrateCommandTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(RepoPaths.Samples).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "expected.migration.txt")))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Samples, folder).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Migration_sample(string name)
    {
        var folder = Path.Combine(RepoPaths.Samples, name);
        var target = File.Exists(Path.Combine(folder, "input.target.rdsl")) ? Path.Combine(folder, "input.target.rdsl") : Path.Combine(RepoPaths.Templates, "2021.rdsl");
        var source = File.Exists(Path.Combine(folder, "input.rdsl")) ? Path.Combine(folder, "input.rdsl") : null;
        Baseline.Match(Path.Combine(folder, "expected.migration.txt"), Migrate(Path.Combine(folder, "data.json"), target, source));
    }

    [Fact]
    public void Issue9_seed_001_migrates_to_2021()
    {
        var seed = Path.Combine(RepoPaths.Corpus, "seeds", "001_1eb96f4772f69272.txt");
        Migrate(seed, Path.Combine(RepoPaths.Templates, "2021.rdsl")).ShouldMatchApproved(c => c.SubFolder("Approved").NoDiff());
    }

    [Fact]
    public void A_target_that_extends_a_bundled_format_is_compiled_with_the_bundled_formats()
    {
        // The variant extends 2019, which the command line does not name: it is found among the bundled formats.
        var target = Path.Combine(Directory.CreateTempSubdirectory("reportdsl-migrate-").FullName, "variant.rdsl");
        File.WriteAllText(target, "format gov_info_disclosure version \"2019-x\" extends gov_info_disclosure 2019 {\n}\n\nremove column art20_5.change\nadd row art20_5 after licensing {\n  permits \"行政备案\"\n}\n");
        var text = Migrate(Path.Combine(RepoPaths.Templates, "examples", "2019-valid.json"), target);
        text.ShouldNotContain("RD21");
        text.ShouldContain("-> gov_info_disclosure 2019-x");
        text.ShouldContain("art20_5.licensing[decisions] = ");
        text.ShouldNotContain("art20_5.licensing[change] = ");
        text.ShouldContain("art20_5.permits[decisions] = null");
    }

    [Fact]
    public void A_missing_input_or_a_bad_target_is_a_usage_error()
    {
        Run("migrate", "missing.json", "--to", Path.Combine(RepoPaths.Templates, "2021.rdsl")).Exit.ShouldBe(2);
        Run("migrate", Path.Combine(RepoPaths.Templates, "examples", "2019-valid.json")).Exit.ShouldBe(2, "--to is required");
        var broken = Path.Combine(Directory.CreateTempSubdirectory("reportdsl-migrate-").FullName, "broken.rdsl");
        File.WriteAllText(broken, "format f version 1 {");
        Run("migrate", Path.Combine(RepoPaths.Templates, "examples", "2019-valid.json"), "--to", broken).Exit.ShouldBe(2);
    }

    /// <summary>Runs the migration and writes: exit code, findings (stderr), then each migrated cell as id = value.</summary>
    private static string Migrate(string input, string target, string? spec = null)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("reportdsl-migrate-").FullName, "out.json");
        string[] specArgs = spec is null ? [] : ["--spec", spec];
        var (exit, _, error) = Run(["migrate", input, "--to", target, "-o", output, "--lang", "en", .. specArgs]);
        var text = new StringBuilder($"exit {exit}\n{error}");
        if (File.Exists(output))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(output));
            foreach (var cell in json.RootElement.GetProperty("cells").EnumerateObject())
            {
                text.Append(cell.Name).Append(" = ").Append(cell.Value.GetProperty("value").ToString() is { Length: > 0 } value ? value : "null").Append('\n');
            }
        }

        return text.ToString().Replace(RepoPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
    }
}
