using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace ReportDsl.Tests.Infrastructure;

/// <summary>
/// Compares actual output with an expected file beside the input. On a mismatch it writes name.actual.ext next to it
/// (gitignored), fails with a diff and a one-line accept command. UPDATE_BASELINES=1 rewrites the expected files.
/// </summary>
public static class Baseline
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1";

    public static void Match(string expectedPath, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        var actualPath = ActualPath(expectedPath);
        if (Updating)
        {
            File.WriteAllText(expectedPath, actual);
            File.Delete(actualPath);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual);
        var relative = Path.GetRelativePath(RepoPaths.Root, expectedPath);
        throw new XunitException(
            (expected is null ? $"Missing baseline {relative}.\n" : $"Baseline {relative} differs:\n{Diff(expected, actual)}\n")
            + $"Accept with: mv {Path.GetRelativePath(RepoPaths.Root, actualPath)} {relative}\n"
            + "or rerun the tests with UPDATE_BASELINES=1 and review the diff.");
    }

    private static string ActualPath(string expectedPath)
    {
        var directory = Path.GetDirectoryName(expectedPath) ?? ".";
        var name = Path.GetFileName(expectedPath);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? name : name[..dot];
        var extension = dot < 0 ? string.Empty : name[dot..];
        return Path.Combine(directory, stem.Replace("expected", "actual", StringComparison.Ordinal) + (stem.Contains("expected", StringComparison.Ordinal) ? string.Empty : ".actual") + extension);
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var lines = diff.Lines
            .Where(l => l.Type != ChangeType.Unchanged)
            .Take(40)
            .Select(l => (l.Type == ChangeType.Inserted ? "+ " : l.Type == ChangeType.Deleted ? "- " : "  ") + l.Text);
        return string.Join('\n', lines);
    }
}
