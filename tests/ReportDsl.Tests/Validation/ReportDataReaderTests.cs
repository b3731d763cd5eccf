using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Tests.Validation;

/// <summary>The report-data reader hides nothing: every input gives data or coded findings, never an exception or a silent guess.</summary>
public sealed class ReportDataReaderTests
{
    private static readonly Validator Validator2021 = Validator.Create(
        Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl")))).Formats.Single());

    private static readonly Validator Validator2019 = Validator.Create(
        Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Templates, "2019.rdsl")))).Formats.Single());

    private static readonly byte[] Valid2021 = File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"));

    private static ReportDataReader.Result Read(byte[] json, int maxFindings = int.MaxValue) =>
        ReportDataReader.Read(json, "r.json", (format, version) => version switch
        {
            "2021" => Validator2021.Layout,
            "2019" => Validator2019.Layout,
            _ => null,
        }, "the test formats", maxFindings);

    private static ReportDataReader.Result Read(string json, int maxFindings = int.MaxValue) => Read(Encoding.UTF8.GetBytes(json), maxFindings);

    // The cells start on line 1, column 1 of their own, so that expected columns read easily.
    private static string Cells(string cells) => "{\"format\": \"gov_info_disclosure\", \"version\": \"2021\", \"cells\": {\n" + cells + "\n}}";

    private static IEnumerable<string> NotMissing(ReportData data) =>
        data.ReadFindings.Where(f => f.Code is not ("RD3101" or "RD3171" or "RD3172")).Select(f => $"{f.Code} {f.Location?.Line},{f.Location?.Column} {f.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");

    [Fact]
    public void Locations_are_the_same_in_any_order_of_asking()
    {
        // The line map remembers where it last counted to; asking backwards, across lines or within multi-byte
        // characters must give what counting from the line's start gives.
        Gen.Select(Gen.String[Gen.Char["a一\n€𝄞"], 0, 60], Gen.Int[0, 80].Array[1, 12]).Sample((text, offsets) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var map = new ReportDataReader.LineMap(bytes);
            foreach (var offset in offsets)
            {
                var at = Math.Min(offset, bytes.Length);
                var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, at - 1)) is var n && n >= 0 && n < at ? n + 1 : 0;
                var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
                var column = 1 + bytes.AsSpan(lineStart, at - lineStart).ToArray().Count(b => (b & 0xC0) != 0x80);
                var location = map.Locate("r.json", offset);
                (location.Line, location.Column).ShouldBe((line, column), $"offset {offset} of {text}");
            }
        });
    }

    [Fact]
    public void Cells_read_the_same_in_any_key_order_and_with_escaped_keys()
    {
        // The reader tries the cell after the last one first, comparing the key's bytes (unescaped first when written
        // with \u escapes); a key out of layout order or unknown goes the other way, by the decoded name. Both must
        // read alike.
        var cells = JsonNode.Parse(Valid2021)!["cells"]!.AsObject().Select(p => (p.Key, Value: p.Value!.ToJsonString())).ToArray();
        var expected = Read(Valid2021).Data.ShouldNotBeNull();
        var layout = Validator2021.Layout;
        Gen.Select(Gen.Shuffle(Enumerable.Range(0, cells.Length).ToArray()), Gen.Bool.Array[cells.Length], Gen.Int[0, cells.Length]).Sample((order, escaped, unknownAt) =>
        {
            var keys = order.Select(i => $"\"{(escaped[i] ? cells[i].Key.Replace("[", "\\u005B", StringComparison.Ordinal) : cells[i].Key)}\": {cells[i].Value}").ToList();
            keys.Insert(unknownAt, "\"applications.received[naturel\\u005D\": 1");
            var data = Read(Cells(string.Join(",\n", keys))).Data.ShouldNotBeNull();
            for (var cell = 0; cell < layout.Cells.Length; cell++)
            {
                (data.Values.StateOf(cell), data.Values.NumberOf(cell), data.Values.TextOf(cell)).ShouldBe(
                    (expected.Values.StateOf(cell), expected.Values.NumberOf(cell), expected.Values.TextOf(cell)), layout.Cells[cell].Id);
            }

            data.ReadFindings.Select(f => f.Code).ShouldBe(["RD3107"], "the one unknown key (escaped, and one letter from a cell)");
        });
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var data = Read([0xEF, 0xBB, 0xBF, .. Valid2021]).Data.ShouldNotBeNull();
        data.ReadFindings.ShouldBeEmpty();
        Validator2021.Validate(data).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t ")]
    [InlineData("\uFEFF")]
    [InlineData("// nothing yet\n/* still nothing */\n")]
    public void An_empty_file_says_so(string text)
    {
        var result = Read(text);
        result.Data.ShouldBeNull();
        var finding = result.Errors.ShouldHaveSingleItem();
        finding.Code.ShouldBe("RD3123");
        finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("The file is empty");
        finding.Message.ShouldNotContain("isFinalBlock");
    }

    [Fact]
    public void A_file_over_the_limit_says_so_in_its_own_words()
    {
        var result = Read(new byte[ReportDataReader.MaxBytes + 1]);
        result.Data.ShouldBeNull();
        var finding = result.Errors.ShouldHaveSingleItem();
        finding.Code.ShouldBe("RD3124");
        finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe($"The file is {ReportDataReader.MaxBytes + 1} bytes, more than the {ReportDataReader.MaxBytes} bytes report data may have, so it was not read. Check that it is the right file.");
    }

    [Fact]
    public void Issue7_a_second_version_does_not_switch_the_format()
    {
        var data = Read("""
            {"format": "gov_info_disclosure", "version": "2021",
             "version": "2019", "cells": {}}
            """).Data.ShouldNotBeNull();
        data.Version.ShouldBe("2021");
        NotMissing(data).ShouldBe(["RD3120 2,2 The key \"version\" appears again here with a different value (first at line 1, column 35); the first is used. Keep only one."]);
        data.ReadFindings.First(f => f.Code == "RD3120").Severity.ShouldBe(FindingSeverity.Error);
    }

    [Fact]
    public void A_repeated_key_with_the_same_value_is_a_warning()
    {
        var data = Read("""{"format": "gov_info_disclosure", "version": "2021", "version": "2021", "$schema": "a", "$schema": "b", "cells": {}}""").Data.ShouldNotBeNull();
        var repeated = data.ReadFindings.Where(f => f.Code == "RD3121").ToList();
        repeated.Count.ShouldBe(2, "an identical version, and a $schema (never read, so another value changes nothing)");
        repeated.ShouldAllBe(f => f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public void A_cell_given_twice_keeps_the_first_value_and_says_where_both_are()
    {
        var data = Read(Cells("""
            "applications.received[natural]": 5,
            "applications.received[natural]": 6,
            "applications.received[total]": {"value": 7, "value": 8, "rowLabels": [], "rowLabels": []}
            """)).Data.ShouldNotBeNull();
        var layout = Validator2021.Layout;
        layout.TryGetIndex("applications.received[natural]", out var natural).ShouldBeTrue();
        layout.TryGetIndex("applications.received[total]", out var total).ShouldBeTrue();
        data.Values.NumberOf(natural).ShouldBe(5m);
        data.Values.NumberOf(total).ShouldBe(7m);
        NotMissing(data).ShouldBe(
        [
            "RD3120 3,1 The key \"applications.received[natural]\" appears again here with a different value (first at line 2, column 1); the first is used. Keep only one.",
            "RD3120 4,46 The key \"value\" appears again here with a different value (first at line 4, column 34); the first is used. Keep only one.",
            "RD3121 4,75 The key \"rowLabels\" appears again here (first at line 4, column 58); the repetition changes nothing that is read. Remove it.",
        ]);
    }

    [Fact]
    public void Issue7_a_misspelt_value_is_an_error_not_a_blank()
    {
        var data = Read(Cells("""
            "applications.received[natural]": {"valeu": 1}
            """)).Data.ShouldNotBeNull();
        NotMissing(data).ShouldBe(["RD3122 2,36 The property \"valeu\" is not part of report data here, so its value was not read. The properties here are \"columnLabels\", \"location\", \"rowLabels\", \"table\", \"value\"."]);
        data.ReadFindings.Single(f => f.Code == "RD3122").Severity.ShouldBe(FindingSeverity.Error);
    }

    [Fact]
    public void An_unknown_top_level_property_is_an_error_with_a_suggestion()
    {
        var result = Read("""{"format": "gov_info_disclosure", "version": "2021", "celss": {"applications.received[natural]": 1}}""");
        var data = result.Data.ShouldNotBeNull();
        var unknown = data.ReadFindings.Single(f => f.Code == "RD3122");
        unknown.Message.ShouldContain("\"celss\"");
        unknown.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldEndWith("Did you mean \"cells\"?");
    }

    [Fact]
    public void What_extract_writes_reads_back_without_findings()
    {
        var data = Read(Valid2021).Data.ShouldNotBeNull();
        var written = ReportDataWriter.Write(data, "declared in the data");
        var again = Read(written).Data.ShouldNotBeNull();
        again.ReadFindings.ShouldBeEmpty();
        Enumerable.Range(0, Validator2021.Layout.Cells.Length).Select(again.Values.NumberOf).ShouldBe(Enumerable.Range(0, Validator2021.Layout.Cells.Length).Select(data.Values.NumberOf));
    }

    [Fact]
    public void Issue7_past_the_cap_findings_are_counted_not_built()
    {
        // The issue's file had 1.37 million unknown keys; 200,000 show the same thing faster.
        var keys = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            keys.Append(i == 0 ? string.Empty : ",").Append("\"unknown.cell").Append(i).Append("[x]\": 1");
        }

        var data = Read(Cells(keys.ToString()), maxFindings: 50).Data.ShouldNotBeNull();
        // No cell has a value, so each required section with tables is one missing section (RD3172), not a RD3101 per cell.
        var sections = Validator2021.Format.Sections.Count(s => !s.IsProse && s.IsRequired);
        data.ReadFindings.Length.ShouldBe(50);
        data.ReadFindings.ShouldAllBe(f => f.Code == "RD3107");
        data.OmittedFindings.ShouldBe(200_000 - 50 + sections, "every unknown key and every missing section is still counted");
        data.OmittedErrors.ShouldBe(200_000 - 50 + sections);

        var findings = Validator2021.ValidateUpTo(data, null, maxFindings: 50);
        findings.Findings.Length.ShouldBe(50);
        findings.Omitted.ShouldBeGreaterThan(data.OmittedFindings, "rules that could not be checked are counted too");
        findings.OmittedErrors.ShouldBe(200_000 - 50 + sections);
    }

    // The valid example with the sections' text, so that mutations reach "prose" and the facts read from it too.
    private static readonly string ValidWithProse = Encoding.UTF8.GetString(Valid2021).Replace(
        "\"cells\": {",
        "\"prose\": {\"overview\": \"共收到依申请公开信息130件，共办理答复依申请公开信息138件，行政复议6起。\", \"problems\": {\"text\": \"无\\n。\", \"heading\": \"五、\", \"location\": {\"line\": 3, \"column\": 1}}, \"other\": null},\n  \"cells\": {",
        StringComparison.Ordinal);

    private static readonly Gen<string> Mutated =
        Gen.Select(Gen.Int[0, Valid2021.Length], Gen.Int[0, 40], Gen.OneOf(
            Gen.Const("\"prose\": {\"overview\": \"行政诉讼9起\"},"), Gen.Const("\"text\":"), Gen.Const("{\"line\": 0}"), Gen.Const("\"overview\": 3,"),
            Gen.Const("\""), Gen.Const("{"), Gen.Const("}"), Gen.Const(","), Gen.Const(":"), Gen.Const("\"value\":"), Gen.Const("\"version\": \"2019\","),
            Gen.Const("\uFEFF"), Gen.Const("null"), Gen.Const("1e400"), Gen.Const("-"), Gen.Const("[["), Gen.Const("\"applications.received[natural]\": 3,"),
            Gen.Char.Array[1, 4].Select(c => new string(c))), Gen.Int[0, 2])
        .Select((at, length, text, mode) =>
        {
            var json = at % 2 == 0 ? Encoding.UTF8.GetString(Valid2021) : ValidWithProse;
            at = Math.Min(at, json.Length);
            length = Math.Min(length, json.Length - at);
            return mode switch
            {
                0 => json.Remove(at, length),
                1 => json.Insert(at, text),
                _ => json.Remove(at, length).Insert(at, text),
            };
        });

    [Fact]
    public void Mutated_report_data_never_throws_and_every_failure_is_coded()
    {
        Mutated.Sample(json =>
        {
            var result = Read(json);
            if (result.Data is null)
            {
                result.Errors.ShouldNotBeEmpty();
                result.Errors.ShouldAllBe(f => f.Code.StartsWith("RD31", StringComparison.Ordinal) && f.Location != null);
            }
            else
            {
                result.Data.ReadFindings.ShouldAllBe(f => f.Code.StartsWith("RD31", StringComparison.Ordinal) && f.Location != null && f.Location.Line >= 1);
                // An inserted "version" before the real one makes the report a 2019 one: validate it as that.
                var validator = result.Data.Version == "2019" ? Validator2019 : Validator2021;
                _ = validator.ValidateUpTo(result.Data, null, 10);
            }
        }, iter: 3000);
    }

    private static readonly Validator CellsValidator = Validator.Create(
        Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Samples, "900-valid", "004-cells-every-construct", "input.rdsl")), "cells.rdsl")).Formats.Single());

    private static readonly string CellsData = File.ReadAllText(Path.Combine(RepoPaths.Samples, "600-cli", "071-validate-cells", "files", "a.json"));

    /// <summary>Random edits of a report in the made-up format with every cell construct (dates, booleans, enums, percents, ranges, defaults, presence).</summary>
    private static readonly Gen<string> MutatedCells =
        Gen.Select(Gen.Int[0, CellsData.Length], Gen.Int[0, 40], Gen.OneOf(
            Gen.Const("\""), Gen.Const("{"), Gen.Const("}"), Gen.Const(","), Gen.Const("null"), Gen.Const("true"), Gen.Const("\"是\""), Gen.Const("\"2021-02-30\""),
            Gen.Const("\"12.5%\""), Gen.Const("-1"), Gen.Const("1e400"), Gen.Const("\"basic.code[value]\": \"\","), Gen.Char.Array[1, 4].Select(c => new string(c))), Gen.Int[0, 2])
        .Select((at, length, text, mode) =>
        {
            at = Math.Min(at, CellsData.Length);
            length = Math.Min(length, CellsData.Length - at);
            return mode switch
            {
                0 => CellsData.Remove(at, length),
                1 => CellsData.Insert(at, text),
                _ => CellsData.Remove(at, length).Insert(at, text),
            };
        });

    [Fact]
    public void A_missing_part_points_where_it_is_written_blank_or_else_at_cells()
    {
        // The table "spending" written only as blanks: the finding is at its first blank. The section "info" not
        // written at all: at "cells", where it belongs.
        var json = "{\"format\": \"cells_sample\", \"version\": \"1\",\n  \"cells\": {\n    \"spending.total[budget]\": null,\n    \"spending.total[actual]\": \"\"\n  }\n}";
        var data = ReportDataReader.Read(Encoding.UTF8.GetBytes(json), "r.json", (_, _) => CellsValidator.Layout, "spec").Data.ShouldNotBeNull();

        data.ReadFindings.Where(f => f.Code is "RD3171" or "RD3172").Select(f => $"{f.Code} {f.Location?.Line},{f.Location?.Column}").Order()
            .ShouldBe(["RD3171 3,5", "RD3172 2,3"]);
    }

    [Fact]
    public void Mutated_report_data_with_every_cell_type_never_throws_and_every_failure_is_coded()
    {
        MutatedCells.Sample(json =>
        {
            var result = ReportDataReader.Read(Encoding.UTF8.GetBytes(json), "r.json", (_, _) => CellsValidator.Layout, "spec");
            if (result.Data is null)
            {
                result.Errors.ShouldNotBeEmpty();
                result.Errors.ShouldAllBe(f => f.Code.StartsWith("RD31", StringComparison.Ordinal) && f.Location != null);
            }
            else
            {
                result.Data.ReadFindings.ShouldAllBe(f => f.Code.StartsWith("RD31", StringComparison.Ordinal) && f.Location != null && f.Location.Line >= 1);
                _ = CellsValidator.ValidateUpTo(result.Data, null, 10);
            }
        }, iter: 2000);
    }
}
