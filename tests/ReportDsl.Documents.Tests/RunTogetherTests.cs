using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>Run-together cells (flattened pages): a table that cannot be read leaves the rows of other tables alone.</summary>
public sealed class RunTogetherTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "flattened");

    [Fact]
    public void A_broken_table_four_does_not_empty_rows_that_their_own_table_decides()
    {
        const string path = "pingtan-2021-table4-broken.txt";
        var data = DocumentReader.ReadText(File.ReadAllText(Path.Combine(Folder, path)), path, SeedAccuracyTests.Validators).Data.ShouldNotBeNull();
        var layout = data.Values.Layout;

        // Table 四 has no reading that satisfies its sums: one finding, and its cells stay empty.
        var unreadable = data.ReadFindings.Where(f => f.Code == "RD3211").ToList();
        unreadable.Count.ShouldBe(1, string.Join("\n", unreadable.Select(f => f.Message)));
        unreadable[0].Message.ShouldContain("10203120001200007");
        layout.TryGetIndex("reviews.cases[review.total]", out var review).ShouldBeTrue();
        data.Values.StateOf(review).ShouldBe(CellState.Missing);

        // The application table is read whole, its two-reading rows decided by the column sums.
        foreach (var (row, values) in new[]
        {
            ("applications.results.disclosed", new long[] { 27, 0, 0, 2, 0, 1, 30 }),
            ("applications.results.unavailable.not_held", new long[] { 22, 0, 0, 0, 0, 3, 25 }),
            ("applications.received", new long[] { 64, 0, 0, 2, 0, 4, 70 }),
        })
        {
            var columns = new[] { "natural", "legal.business", "legal.research", "legal.nonprofit", "legal.law_firm", "legal.other", "total" };
            for (var i = 0; i < columns.Length; i++)
            {
                layout.TryGetIndex($"{row}[{columns[i]}]", out var index).ShouldBeTrue();
                data.Values.NumberOf(index).ShouldBe(values[i], $"{row}[{columns[i]}]");
            }
        }

        var applications = Enumerable.Range(0, layout.Cells.Length).Where(i => layout.Cells[i].Id.StartsWith("applications.", StringComparison.Ordinal)).ToList();
        applications.ShouldAllBe(i => data.Values.StateOf(i) == CellState.Present);
    }
}
