using System.Collections.Immutable;
using System.Text.Json;
using CsCheck;
using ReportDsl.Rendering.Direct;
using ReportDsl.Rendering.Templates;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Semantics;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Tests;

/// <summary>
/// The fast path prints what Scriban prints with the bundled templates, byte for byte: on every example, and on generated
/// reports of five formats (both bundled ones, the made-up one of <see cref="LayoutTests"/>, the sample with every cell
/// construct, and one whose labels need escaping) with blanks, values of the wrong type, findings, annotations, a date,
/// prose from the data and from the options, and text with the characters each output kind escapes or treats as a line break.
/// </summary>
public sealed class DirectRendererTests
{
    private const string OddLabels = """
        format odd_labels version 1 {
          title "标签<特殊>&格式"
          source "无"
          years 2030..
        }

        section intro "一、说明 | <概述> & 备注" prose

        section counts "二、统计|表" required {
          table first "第一表 | <甲> & 乙" {
            stub "品类|<类>"
            cells count
            columns "仓库&库" {
              group north "北区|A" {
                a "甲<库>"
                b "乙 & 库"
              }
              south "南区"
            }
            rows {
              group fruit "水果|果" {
                apples "苹果<1>"
                pears "梨&2"
              }
              grain "粮食"
            }
          }

          table second "第二表" {
            cells text
            columns {
              note "说明|注"
            }
            rows {
              x "甲"
              y "乙"
            }
          }
        }
        """;

    // Text that each output kind treats specially: Markdown's pipe, HTML's markup and the characters it encodes as
    // entities, line breaks of every kind (the output's line endings are normalised), blank and padded lines, a line that
    // the Word writer reads as a heading or a table, and characters outside the BMP.
    private static readonly string[] Pieces =
        ["", " ", "a|b", "<b>&amp;\"'", "x\r\ny", "行\u2028二", "  前后  ", "\t", "# 标题", "@table first", "@table applications", "|", "ÿ é\u00a0", "😀", "数\n\n据", "\\|", "\r", "> 引", "12", "一、总体情况"];

    private static readonly Lazy<ImmutableArray<FormatSymbol>> Formats = new(() =>
    {
        var extra = new[]
        {
            SourceText.From(LayoutTests.MadeUp, "made-up.rdsl"),
            SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Samples, "900-valid", "004-cells-every-construct", "input.rdsl")), "cells.rdsl"),
            SourceText.From(OddLabels, "odd.rdsl"),
        };
        var formats = ImmutableArray.CreateBuilder<FormatSymbol>();
        formats.Add(Reports.Format("2019"));
        formats.Add(Reports.Format("2021"));
        foreach (var source in extra)
        {
            var compilation = Compilation.Create(source);
            compilation.GetDiagnostics().Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).ShouldBeEmpty(source.Path);
            formats.Add(compilation.Formats.Single());
        }

        return formats.ToImmutable();
    });

    public static TheoryData<string, bool> Examples()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var example in Reports.Examples)
        {
            cases.Add(Path.GetFileNameWithoutExtension(example), false);
            cases.Add(Path.GetFileNameWithoutExtension(example), true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_prints_the_same_both_ways(string example, bool annotate)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", example + ".json"));
        var format = Reports.Format(data.Version);
        var findings = Reports.ValidatorFor(format).Validate(data);
        var narratives = format.Sections.Where(s => s.IsProse).ToImmutableDictionary(s => s.Name, s => $"{s.Label}的第一段。\n\n第二段 | <b>&</b>", StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<RenderKind>())
        {
            foreach (var options in new[]
            {
                new RenderOptions { Kind = kind, Annotate = annotate },
                new RenderOptions { Kind = kind, Annotate = annotate, Date = new DateOnly(2025, 1, 20), Narratives = narratives },
            })
            {
                Same(format, data, findings, options);
            }
        }
    }

    [Fact]
    public void Generated_reports_print_the_same_both_ways()
    {
        GeneratedReports().Sample(
            report =>
            {
                var (format, data, findings, options) = Prepare(report);
                foreach (var kind in Enum.GetValues<RenderKind>())
                {
                    Same(format, data, findings, options with { Kind = kind });
                }
            },
            iter: 150,
            print: Describe);
    }

    /// <summary>Generated reports of the five formats, with what a render is given besides the data.</summary>
    internal static Gen<GeneratedReport> GeneratedReports()
    {
        var formats = Formats.Value;
        return
            from f in Gen.Int[0, formats.Length - 1]
            let format = formats[f]
            from values in Gen.Int[0, 9].Array[Reports.ValidatorFor(format).Layout.Cells.Length]
            from numbers in Gen.Decimal.Array[Reports.ValidatorFor(format).Layout.Cells.Length]
            from agency in Text.Null()
            from year in Gen.Int[1900, 2100]
            from prose in Text.Null().Array[format.Sections.Length]
            from narratives in Text.Null().Array[format.Sections.Length]
            from day in Gen.Int[-2000, 20000]
            from annotate in Gen.Bool
            select new GeneratedReport(format, values, numbers, agency, year < 1990 ? null : year, prose, narratives, day < 0 ? null : new DateOnly(2000, 1, 1).AddDays(day), annotate);
    }

    /// <summary>Reads a generated report's data, validates it, and makes the render options (Markdown).</summary>
    internal static (FormatSymbol Format, ReportData Data, ImmutableArray<Finding> Findings, RenderOptions Options) Prepare(GeneratedReport report)
    {
        var format = report.Format;
        var data = Read(format, Json(format, report.Values, report.Numbers, report.Agency, report.Year, report.Prose));
        var findings = Reports.ValidatorFor(format).Validate(data);
        var given = format.Sections.Select((s, i) => (s.Name, Text: report.Narratives[i])).Where(n => n.Text is not null)
            .ToImmutableDictionary(n => n.Name, n => n.Text ?? string.Empty, StringComparer.Ordinal);
        return (format, data, findings, new RenderOptions { Annotate = report.Annotate, Narratives = given, Date = report.Date });
    }

    internal static string Describe(GeneratedReport report) =>
        $"{report.Format.Name} agency={JsonSerializer.Serialize(report.Agency)} annotate={report.Annotate} prose={JsonSerializer.Serialize(report.Prose)} "
        + $"narratives={JsonSerializer.Serialize(report.Narratives)} values={string.Join(",", report.Values)}";

    [Fact]
    public void The_fast_path_applies_only_to_the_bundled_templates_within_the_default_limits()
    {
        var options = new RenderOptions { Kind = RenderKind.Markdown };
        var nothingOverridden = new LayeredTemplates(new InMemoryTemplates(("table.html", "{{ 1 }}")), BundledTemplates.Instance);
        var cellOverridden = new LayeredTemplates(new InMemoryTemplates(("cell.md", "{{ cell.text }}")), BundledTemplates.Instance);
        var sameTextElsewhere = new LayeredTemplates(new InMemoryTemplates(("notes.md", Bundled("notes.md"))), BundledTemplates.Instance);

        DirectRenderer.Covers(BundledTemplates.Instance, options, default).ShouldBeTrue();
        DirectRenderer.Covers(nothingOverridden, options, default).ShouldBeTrue("an override of another kind's template does not matter");
        DirectRenderer.Covers(nothingOverridden, options with { Kind = RenderKind.Html }, default).ShouldBeFalse();
        DirectRenderer.Covers(cellOverridden, options, default).ShouldBeFalse();
        DirectRenderer.Covers(sameTextElsewhere, options, default).ShouldBeFalse("an author's file is run by Scriban even when its text is the bundled one");
        DirectRenderer.Covers(BundledTemplates.Instance, options with { Limits = TemplateLimits.Default with { LoopIterations = 1000 } }, default).ShouldBeFalse();
        DirectRenderer.Covers(BundledTemplates.Instance, options with { Limits = TemplateLimits.Default with { Time = TimeSpan.FromSeconds(1) } }, default).ShouldBeFalse();
        DirectRenderer.Covers(BundledTemplates.Instance, options, new CancellationToken(canceled: true)).ShouldBeFalse();
    }

    [Fact]
    public void Limits_below_the_defaults_still_stop_the_bundled_templates()
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"));
        var format = Reports.Format("2021");

        var result = new Renderer().Render(format, data, [], new RenderOptions { Limits = TemplateLimits.Default with { LoopIterations = 50 } });

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4003");
    }

    private static Gen<string> Text => Gen.Int[0, Pieces.Length - 1].Array[0, 6].Select(parts => string.Concat(parts.Select(p => Pieces[p])));

    private static string Bundled(string name) => BundledTemplates.Instance.TryGet(name, out var file) ? file.Text : throw new InvalidOperationException(name);

    private static void Same(FormatSymbol format, ReportData data, ImmutableArray<Finding> findings, RenderOptions options)
    {
        var direct = new Renderer(BundledTemplates.Instance, inlineIncludes: true, direct: true).Render(format, data, findings, options);
        var scriban = new Renderer(BundledTemplates.Instance, inlineIncludes: true, direct: false).Render(format, data, findings, options);

        scriban.Diagnostics.ShouldBeEmpty();
        direct.Diagnostics.ShouldBeEmpty();
        if (options.Kind == RenderKind.Docx)
        {
            direct.Bytes.ToArray().ShouldBe(scriban.Bytes.ToArray(), $"{format.Name} {options.Kind} annotate={options.Annotate}");
        }
        else
        {
            direct.Text.ShouldBe(scriban.Text, $"{format.Name} {options.Kind} annotate={options.Annotate}");
        }
    }

    private static ReportData Read(FormatSymbol format, byte[] json)
    {
        var layout = Reports.ValidatorFor(format).Layout;
        var result = ReportDataReader.Read(json, "generated.json", (name, version) => name == format.Name && version == format.Version ? layout : null, "test");
        return result.Data ?? throw new InvalidOperationException(string.Join("\n", result.Errors.Select(e => e.Message)));
    }

    // Report data as JSON: per cell a blank, a number, text, a boolean or a date (of the cell's type or not: a wrong type
    // is a finding and prints blank), and prose for some sections.
    private static byte[] Json(FormatSymbol format, int[] choices, decimal[] numbers, string? agency, int? year, string?[] prose)
    {
        var cells = Reports.ValidatorFor(format).Layout.Cells;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("format", format.Name);
            writer.WriteString("version", format.Version);
            if (agency is not null)
            {
                writer.WriteString("agency", agency);
            }

            if (year is { } y)
            {
                writer.WriteNumber("year", y);
            }

            if (prose.Any(p => p is not null))
            {
                writer.WriteStartObject("prose");
                for (var i = 0; i < prose.Length; i++)
                {
                    if (prose[i] is { } text)
                    {
                        writer.WriteString(format.Sections[i].Name, text);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteStartObject("cells");
            for (var i = 0; i < cells.Length; i++)
            {
                writer.WritePropertyName(cells[i].Id);
                switch (choices[i])
                {
                    case <= 1:
                        writer.WriteNullValue();
                        break;
                    case <= 4:
                        writer.WriteNumberValue(Math.Round(numbers[i] % 1_000_000m, choices[i] - 2));
                        break;
                    case 5:
                        writer.WriteNumberValue(Math.Abs(numbers[i]) % 100_000m);
                        break;
                    case 6:
                        writer.WriteStringValue(Pieces[Math.Abs((int)(numbers[i] % Pieces.Length))] + "说明");
                        break;
                    case 7:
                        writer.WriteBooleanValue(numbers[i] > 0);
                        break;
                    case 8:
                        writer.WriteStringValue("2024-05-06");
                        break;
                    default:
                        writer.WriteStringValue(cells[i].Type.Kind == CellTypeKind.Text ? "甲|<乙>&" : "十二");
                        break;
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>A generated report: per cell a choice of value and a number, the metadata, prose in the data and in the options.</summary>
    internal sealed record GeneratedReport(
        FormatSymbol Format, int[] Values, decimal[] Numbers, string? Agency, int? Year, string?[] Prose, string?[] Narratives, DateOnly? Date, bool Annotate);
}
