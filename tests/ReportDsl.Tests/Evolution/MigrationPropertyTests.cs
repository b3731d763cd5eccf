using System.Globalization;
using System.Text;
using CsCheck;
using ReportDsl.Evolution;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Tests.Evolution;

/// <summary>Property tests of carrying data between versions: a spec to itself is the identity; 2019 to 2021 never invents a value.</summary>
public sealed class MigrationPropertyTests
{
    private static readonly Compilation Official = Compilation.Create(
        Directory.EnumerateFiles(RepoPaths.Templates, "*.rdsl").Order(StringComparer.Ordinal).Select(f => SyntaxTree.Parse(SourceText.From(File.ReadAllText(f), f))));

    private static Validator Load(string version) => Validator.Create(Official.Formats.Single(f => f.Version == version));

    private static readonly Validator V2019 = Load("2019");
    private static readonly Validator V2021 = Load("2021");

    /// <summary>Random report data: each cell missing, or a value of its type (counts from 0, integers signed, amounts with their precision).</summary>
    private static Gen<ReportData> Reports(Validator validator) => Gen.Int.Select(seed =>
    {
        var random = new Random(seed);
        var json = new StringBuilder($"{{\"format\": \"{validator.Format.Name}\", \"version\": \"{validator.Format.Version}\", \"cells\": {{");
        var first = true;
        foreach (var cell in validator.Layout.Cells)
        {
            json.Append(first ? string.Empty : ",").Append('"').Append(cell.Id).Append("\": ");
            first = false;
            json.Append(random.Next(5) == 0 ? "null" : cell.Type.Kind switch
            {
                CellTypeKind.Integer => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
                CellTypeKind.Amount => Math.Round((decimal)random.NextDouble() * 1000, Math.Min(cell.Type.Precision, 4)).ToString(CultureInfo.InvariantCulture),
                CellTypeKind.Text => "\"文字\"",
                _ => random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
            });
        }

        json.Append("}}");
        var result = ReportDataReader.Read(Encoding.UTF8.GetBytes(json.ToString()), "random.json", (_, _) => validator.Layout, "test");
        return result.Data.ShouldNotBeNull();
    });

    [Fact]
    public void Migrating_a_report_to_its_own_format_is_the_identity()
    {
        foreach (var validator in new[] { V2019, V2021 })
        {
            Reports(validator).Sample(data =>
            {
                var result = Migration.Migrate(data, validator);
                result.Gaps.ShouldBeEmpty();
                for (var cell = 0; cell < validator.Layout.Cells.Length; cell++)
                {
                    result.Data.Values.StateOf(cell).ShouldBe(data.Values.StateOf(cell));
                    result.Data.Values.NumberOf(cell).ShouldBe(data.Values.NumberOf(cell));
                    result.Data.Values.TextOf(cell).ShouldBe(data.Values.TextOf(cell));
                }
            }, iter: 100);
        }
    }

    [Fact]
    public void Migrating_2019_to_2021_never_invents_a_value()
    {
        Reports(V2019).Sample(data =>
        {
            var result = Migration.Migrate(data, V2021);
            foreach (var carry in result.Mapping.Carries)
            {
                V2021.Layout.TryGetIndex(carry.Target.Id, out var index).ShouldBeTrue();
                if (result.Data.Values.StateOf(index) != CellState.Present)
                {
                    continue;
                }

                // A value in the target is exactly the sum of values the 2019 report has, through declared lineage.
                carry.Kind.ShouldBeOneOf(CarryKind.Same, CarryKind.Sum);
                var sum = carry.Sources.Sum(s => data.Values.NumberOf(V2019.Layout.TryGetIndex(s.Id, out var at) ? at : -1).ShouldNotBeNull());
                result.Data.Values.NumberOf(index).ShouldBe(sum);
            }

            // The parts of the split (六)其他处理 are never filled in.
            foreach (var cell in V2021.Layout.Cells.Where(c => c.Row.Path.StartsWith("results.other.", StringComparison.Ordinal)))
            {
                result.Data.Values.StateOf(V2021.Layout.IndexOf(cell)).ShouldBe(CellState.Missing);
            }
        }, iter: 100);
    }

    [Fact]
    public void Migrating_2021_to_2019_sums_the_parts_of_the_split_row()
    {
        Reports(V2021).Sample(data =>
        {
            var result = Migration.Migrate(data, V2019);
            var applications = V2019.Format.FindTable("applications").ShouldNotBeNull();
            foreach (var column in applications.ValueColumns)
            {
                var cell = applications.GetCell(applications.FindItem(Axis.Row, "results.other").ShouldNotBeNull(), column).ShouldNotBeNull();
                var parts = new[] { "no_correction", "unpaid_fee", "other" }.Select(p => V2021.Layout.TryGetIndex($"applications.results.other.{p}[{column.Path}]", out var at) ? data.Values.NumberOf(at) : null).ToList();
                result.Data.Values.NumberOf(V2019.Layout.IndexOf(cell)).ShouldBe(parts.All(p => p is not null) ? parts.Sum() : null);
            }
        }, iter: 50);
    }

    [Fact]
    public void Migration_keeps_the_text_of_the_sections_and_reads_the_target_facts_from_it()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Templates, "examples", "2019-valid.json"));
        var total = System.Text.Json.Nodes.JsonNode.Parse(json).ShouldNotBeNull()["cells"].ShouldNotBeNull()["applications.received[total]"].ShouldNotBeNull().GetValue<long>();
        var withProse = json.TrimEnd().TrimEnd('}') + $", \"prose\": {{\"overview\": \"本年共收到依申请公开信息{total}件。\", \"other\": \"无。\"}}}}";
        var data = ReportDataReader.Read(Encoding.UTF8.GetBytes(withProse), "2019-prose.json", (_, _) => V2019.Layout, "test").Data.ShouldNotBeNull();
        data.HasProse.ShouldBeTrue();

        var result = Migration.Migrate(data, V2021);

        result.Data.HasProse.ShouldBeTrue();
        result.Data.Prose.Select(p => (p.Section, p.Text)).ShouldBe([("overview", $"本年共收到依申请公开信息{total}件。"), ("other", "无。")]);
        var received = V2021.Format.Facts.Single(f => f.Name == "received");
        result.Data.Values.NumberOf(V2021.Layout.IndexOf(received.Cell)).ShouldBe(total);
    }
}
