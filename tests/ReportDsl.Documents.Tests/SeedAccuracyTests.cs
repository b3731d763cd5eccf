using System.Globalization;
using System.Text.Json;
using ReportDsl.Semantics;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>The five seed reports: every value of their hand-made truth files, cell by cell, and the format.</summary>
public sealed class SeedAccuracyTests(ITestOutputHelper output)
{
    internal static readonly Validator[] Validators =
    [
        .. new[] { "2019", "2021" }.Select(v => Validator.Create(Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Templates, v + ".rdsl")))).Formats.Single())),
    ];

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_truth_value_of_a_seed_is_read_exactly(string seed)
    {
        var (right, total, wrong, format, expectedFormat) = Measure(seed);
        output.WriteLine($"{seed}: {right}/{total} cells right; format {format} (truth {expectedFormat})");
        foreach (var line in wrong.Take(40))
        {
            output.WriteLine(line);
        }

        format.ShouldBe(expectedFormat);
        wrong.ShouldBeEmpty();
    }

    internal static (int Right, int Total, List<string> Wrong, string Format, string ExpectedFormat) Measure(string seed)
    {
        var folder = Path.Combine(RepoPaths.Corpus, "seeds");
        var result = DocumentReader.ReadText(File.ReadAllText(Path.Combine(folder, seed + ".txt")), seed + ".txt", Validators);
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, seed + ".truth.json")));
        var expectedFormat = truth.RootElement.GetProperty("format").GetString()!;
        var data = result.Data.ShouldNotBeNull();
        var layout = Validators.Single(v => v.Format.Version == data.Version).Layout;
        var byKey = layout.Cells.Select((cell, index) => (Key: SeedKeys.Of(cell), Index: index)).ToDictionary(p => p.Key, p => p.Index);
        var wrong = new List<string>();
        var right = 0;
        var total = 0;
        foreach (var property in truth.RootElement.GetProperty("cells").EnumerateObject())
        {
            total++;
            decimal? expected = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetDecimal();
            decimal? actual = byKey.TryGetValue(property.Name, out var index) ? data.Values.NumberOf(index) : null;
            if (expected == actual && byKey.ContainsKey(property.Name))
            {
                right++;
            }
            else
            {
                wrong.Add($"  {property.Name}: expected {Show(expected)}, read {Show(actual)}");
            }
        }

        return (right, total, wrong, data.Version, expectedFormat);
    }

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
