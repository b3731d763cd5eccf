using System.Text;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Issue 7: nesting in an HTML page costs time linear in its depth. Past 256 levels the extra tags are dropped before
/// parsing (RD3230), so a million nested elements read like a flat page; the figures are in docs/benchmarks.md.
/// </summary>
public sealed class HtmlNestingTests
{
    private static byte[] Nested(int depth, bool closed, string inner = "x") =>
        Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + inner + (closed ? string.Concat(Enumerable.Repeat("</div>", depth)) : string.Empty) + "</body></html>");

    [Theory]
    [InlineData(100_000, false)]
    [InlineData(100_000, true)]
    [InlineData(1_000_000, false)]
    public void Issue7_deep_nesting_ends_in_a_finding(int depth, bool closed)
    {
        var result = DocumentReader.ReadFile(Nested(depth, closed), "deep.html", SeedAccuracyTests.Validators);
        result.Data.ShouldBeNull();
        result.Errors.Select(f => f.Code).ShouldBe(["RD3230", "RD3205"]);
        result.Errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldStartWith($"The page nests elements {depth} deep; elements deeper than 256 levels");
    }

    [Fact]
    public void A_report_inside_deep_nesting_is_still_read()
    {
        // The HTML sample's report wrapped in 200 levels, then a footer nested 1,000 deep: the report keeps its structure.
        // (Content past 256 levels is read as text of its container, so a table that deep is no longer a table.)
        var page = File.ReadAllText(Path.Combine(RepoPaths.Samples, "500-validation", "012-document-html-page", "data.html"));
        var body = page.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        var end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        var wrapped = page[..body] + string.Concat(Enumerable.Repeat("<section>", 200)) + page[body..end]
            + string.Concat(Enumerable.Repeat("<div>", 1_000)) + "页脚" + page[end..];
        var plain = DocumentReader.ReadFile(Encoding.UTF8.GetBytes(page), "page.html", SeedAccuracyTests.Validators).Data.ShouldNotBeNull();
        var deep = DocumentReader.ReadFile(Encoding.UTF8.GetBytes(wrapped), "page.html", SeedAccuracyTests.Validators).Data.ShouldNotBeNull();
        deep.ReadFindings[0].Code.ShouldBe("RD3230");
        Enumerable.Range(0, plain.Values.Layout.Cells.Length).Select(deep.Values.NumberOf)
            .ShouldBe(Enumerable.Range(0, plain.Values.Layout.Cells.Length).Select(plain.Values.NumberOf));
    }

    [Theory]
    [InlineData("<div><!-- <div><div> --></div>", 1)]
    [InlineData("<div><script>if (a<b) { x = '<div>'; }</script></div>", 2)]
    [InlineData("<div title='a>b'><br><img src=x><p>one<p>two<li>three</div>", 1)]
    [InlineData("<div><span/><span></span></div>", 2)]
    public void The_guard_counts_only_what_nests(string html, int deepest)
    {
        var (kept, depth) = Html.NestingGuard.Limit(html);
        kept.ShouldBeSameAs(html);
        depth.ShouldBe(deepest);
    }
}
