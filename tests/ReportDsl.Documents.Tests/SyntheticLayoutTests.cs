using System.Text;
using ReportDsl.Semantics;
using ReportDsl.Validation;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Harder than the seeds: every cell gets a distinct non-zero number (an all-zero table hides a misaligned extractor),
/// and the report is written out in each text layout real documents use, then read back cell by cell.
/// </summary>
public sealed class SyntheticLayoutTests(ITestOutputHelper output)
{
    public enum Layout
    {
        CellPerLine,
        TabRows,
        MarkdownPipes,
    }

    public static TheoryData<string, Layout, int> Cases()
    {
        var data = new TheoryData<string, Layout, int>();
        foreach (var version in new[] { "2019", "2021" })
        {
            foreach (var layout in Enum.GetValues<Layout>())
            {
                foreach (var seed in new[] { 1, 2, 3 })
                {
                    data.Add(version, layout, seed);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Distinct_values_are_read_back_exactly(string version, Layout layout, int seed)
    {
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == version);
        var random = new Random(seed);
        var values = Enumerable.Range(1, 20_000).OrderBy(_ => random.Next()).Take(validator.Layout.FirstFact).ToArray();
        var text = Render(validator.Format, validator.Layout, values, layout, random);

        var result = DocumentReader.ReadText(text, "synthetic.txt", SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull();
        data.Version.ShouldBe(version, result.Evidence);
        var wrong = new List<string>();
        for (var cell = 0; cell < values.Length; cell++)
        {
            if (data.Values.NumberOf(cell) != values[cell])
            {
                wrong.Add($"{validator.Layout.Cells[cell].Id}: expected {values[cell]}, read {data.Values.NumberOf(cell)}");
            }
        }

        output.WriteLine($"{version} {layout} seed {seed}: {values.Length - wrong.Count}/{values.Length} cells right");
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_reported_and_never_guessed()
    {
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == "2021");
        var random = new Random(7);
        var values = Enumerable.Range(1, 20_000).OrderBy(_ => random.Next()).Take(validator.Layout.FirstFact).ToArray();
        validator.Layout.TryGetIndex("applications.received[legal.research]", out var broken).ShouldBeTrue();
        var ascii = values[broken].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fullwidth = string.Concat(ascii.Select(d => (char)('０' + (d - '0'))));
        var rendered = Render(validator.Format, validator.Layout, values, Layout.TabRows, random);
        var text = rendered.Replace($"\t{ascii}\t", "\t十二\t", StringComparison.Ordinal).Replace($"\t{fullwidth}\t", "\t十二\t", StringComparison.Ordinal);
        text.ShouldNotBe(rendered, "the test must put a word where the number was");

        var data = DocumentReader.ReadText(text, "typo.txt", SeedAccuracyTests.Validators).Data.ShouldNotBeNull();
        data.Values.StateOf(broken).ShouldBe(CellState.Invalid);
        data.ReadFindings.ShouldContain(f => f.Code == "RD3105" && f.Message.Contains("十二", StringComparison.Ordinal));
        for (var cell = 0; cell < values.Length; cell++)
        {
            if (cell != broken)
            {
                data.Values.NumberOf(cell).ShouldBe(values[cell], validator.Layout.Cells[cell].Id);
            }
        }
    }

    /// <summary>Writes the tables the way documents print them: captions, column headers, group labels, row labels, values.</summary>
    internal static string Render(FormatSymbol format, CellLayout cells, int[] values, Layout layout, Random random)
    {
        var text = new StringBuilder();
        foreach (var section in format.Sections)
        {
            text.Append(section.Label).Append("\n\n");
            if (section.IsProse)
            {
                text.Append("本部分为文字说明，包含数字 2024 年与 3 项工作。\n\n");
            }

            foreach (var table in section.Tables)
            {
                var rows = new List<List<string>> { new() { table.Label } };
                var header = new List<string> { table.Stub ?? string.Empty };
                header.AddRange(table.ValueColumns.Select(c => string.Join(layout == Layout.CellPerLine ? "\n" : " ", c.LabelPath.Select(l => Spaced(l, random)))));
                rows.Add(header);
                AxisItemSymbol? previousParent = null;
                foreach (var row in table.ValueRows)
                {
                    var line = new List<string>();
                    if (row.Parent is { } parent && parent != previousParent)
                    {
                        line.Add(string.Join(" ", parent.LabelPath));
                    }

                    previousParent = row.Parent;
                    if (!row.IsUnlabeled)
                    {
                        line.Add(Spaced(row.Label, random));
                    }

                    foreach (var column in table.ValueColumns)
                    {
                        if (table.GetCell(row, column) is { } cell)
                        {
                            line.Add(Number(values[cells.IndexOf(cell)], random, layout));
                        }
                    }

                    rows.Add(line);
                }

                foreach (var row in rows)
                {
                    text.Append(layout switch
                    {
                        Layout.CellPerLine => string.Concat(row.Select(c => "\t" + c + "\n")) + "\n",
                        Layout.TabRows => string.Join('\t', row) + "\t\t\n",
                        _ => "| " + string.Join(" | ", row) + " |\n" + (row == rows[1] ? "|" + string.Concat(Enumerable.Repeat("---|", row.Count)) + "\n" : string.Empty),
                    });
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    // Documents break labels with spaces ("结果 维持") and print fullwidth digits; both must be read through.
    private static string Spaced(string label, Random random) =>
        label.Length > 3 && random.Next(4) == 0 ? label.Insert(label.Length / 2, " ") : label;

    private static string Number(int value, Random random, Layout layout)
    {
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(3) switch
        {
            0 => string.Concat(digits.Select(d => (char)('０' + (d - '0')))),
            1 when layout == Layout.CellPerLine => "\u00A0" + digits,
            _ => digits,
        };
    }
}
