using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ReportDsl.Rendering.Model;
using ReportDsl.Rendering.Templates;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Direct;

/// <summary>
/// The fast path: prints what the bundled templates print, without running them. It applies only when every template
/// the output kind uses resolves to the bundled file (no author override) and the sandbox limits are the defaults or
/// larger; anything else goes to Scriban. What it prints is compared with what Scriban prints, byte for byte, by
/// <c>DirectRendererTests</c> on every example and on generated reports (docs/templates.md, "The fast path").
/// </summary>
internal static class DirectRenderer
{
    private static readonly string[] MarkdownParts = ["report.md", "section.md", "table.md", "cell.md", "notes.md"];
    private static readonly string[] HtmlParts = ["report.html", "style.html", "section.html", "table.html", "cell.html", "notes.html"];
    private static readonly string[] TextParts = ["report.txt", "section.txt", "table.txt", "cell.txt", "notes.txt"];
    private static readonly string[] WordParts = ["document.docx"];

    private static readonly Lazy<string> Style = new(() => BundledTemplates.Instance.TryGet("style.html", out var style) ? style.Text : string.Empty);

    /// <summary>Gets whether every template an output kind uses is the bundled one, and the limits cannot be reached by it.</summary>
    public static bool Covers(ITemplateSource templates, RenderOptions options, CancellationToken cancellation)
    {
        var limits = options.Limits;
        var defaults = TemplateLimits.Default;
        if (cancellation.IsCancellationRequested || limits.LoopIterations < defaults.LoopIterations || limits.Recursion < defaults.Recursion
            || limits.OutputCharacters < defaults.OutputCharacters || limits.Time < defaults.Time)
        {
            return false;
        }

        if (ReferenceEquals(templates, BundledTemplates.Instance))
        {
            return true;
        }

        var parts = options.Kind switch
        {
            RenderKind.Markdown => MarkdownParts,
            RenderKind.Html => HtmlParts,
            RenderKind.Text => TextParts,
            _ => WordParts,
        };
        foreach (var name in parts)
        {
            if (!templates.TryGet(name, out var used) || !BundledTemplates.Instance.TryGet(name, out var bundled) || used != bundled)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Prints a report as the bundled Markdown, HTML or text templates do (before the blank lines are collapsed), or as
    /// <c>document.docx</c> does for Word; null when the report is too large to be sure the templates stay within the
    /// sandbox limits (Scriban then renders it and reports the limit).
    /// </summary>
    public static string? Print(FormatSkeleton skeleton, ReportData data, ImmutableArray<Finding> findings, RenderOptions options)
    {
        var plan = FormatPlan.For(skeleton, options.Kind);
        var annotate = options.Annotate && options.Kind != RenderKind.Docx;
        var (numbered, byCell) = annotate ? ReportViewBuilder.Number(findings, options.Culture) : ([], []);
        var paragraphs = new ImmutableArray<string>[plan.Sections.Length];
        var iterations = plan.StructureIterations + numbered.Length;
        for (var i = 0; i < paragraphs.Length; i++)
        {
            paragraphs[i] = ReportViewBuilder.Paragraphs(plan.Sections[i].Name, plan.Sections[i].IsProse, data, options);
            iterations += paragraphs[i].Length;
        }

        foreach (var finding in numbered)
        {
            iterations += 3L * finding.Cells.Length;
        }

        if (iterations > options.Limits.LoopIterations)
        {
            return null;
        }

        var context = new Context(data, options, annotate, numbered, byCell);
        var text = options.Kind switch
        {
            RenderKind.Markdown => Markdown(plan, paragraphs, context),
            RenderKind.Html => Html(plan, paragraphs, context),
            RenderKind.Text => Text(plan, paragraphs, context),
            _ => Word(plan, paragraphs, context),
        };

        // The templates' own whitespace between blocks is collapsed afterwards; a quarter of the limit leaves it room.
        return text.Length > options.Limits.OutputCharacters / 4 ? null : text;
    }

    private static string Markdown(FormatPlan plan, ImmutableArray<string>[] paragraphs, Context context)
    {
        var output = new StringBuilder(16 * 1024);
        output.Append("# ").Append(context.Title).Append('\n');
        if (context.Date is { } date)
        {
            output.Append('\n').Append(date).Append('\n');
        }

        for (var s = 0; s < plan.Sections.Length; s++)
        {
            var section = plan.Sections[s];
            output.Append("\n## ").Append(section.Label).Append('\n');
            foreach (var paragraph in paragraphs[s])
            {
                output.Append('\n').Append(paragraph).Append('\n');
            }

            foreach (var table in section.Tables)
            {
                output.Append('\n');
                Table(output, table, context, static (output, hole, text, numbers) =>
                {
                    output.Append(TablePlan.MarkdownText(text));
                    foreach (var number in numbers)
                    {
                        output.Append("[^").Append(number).Append(']');
                    }
                });
            }
        }

        if (context.Annotate && context.Findings.Length > 0)
        {
            output.Append('\n');
            foreach (var finding in context.Findings)
            {
                output.Append("[^").Append(finding.Number).Append("]: ").Append(TablePlan.MarkdownText(finding.Text)).Append('\n');
            }
        }

        return output.ToString();
    }

    private static string Text(FormatPlan plan, ImmutableArray<string>[] paragraphs, Context context)
    {
        var output = new StringBuilder(16 * 1024);
        output.Append(context.Title).Append('\n');
        if (context.Date is { } date)
        {
            output.Append(date).Append('\n');
        }

        for (var s = 0; s < plan.Sections.Length; s++)
        {
            var section = plan.Sections[s];
            output.Append('\n').Append(section.Label).Append('\n');
            foreach (var paragraph in paragraphs[s])
            {
                output.Append(paragraph).Append('\n');
            }

            foreach (var table in section.Tables)
            {
                output.Append('\n');
                Table(output, table, context, static (output, hole, text, numbers) =>
                {
                    output.Append(text);
                    foreach (var number in numbers)
                    {
                        output.Append('[').Append(number).Append(']');
                    }
                });
            }
        }

        if (context.Annotate && context.Findings.Length > 0)
        {
            output.Append('\n');
            foreach (var finding in context.Findings)
            {
                output.Append('[').Append(finding.Number).Append("] ").Append(finding.Text).Append('\n');
            }
        }

        return output.ToString();
    }

    private static string Html(FormatPlan plan, ImmutableArray<string>[] paragraphs, Context context)
    {
        var output = new StringBuilder(32 * 1024);
        var title = TablePlan.HtmlText(context.Title);
        output.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title).Append("</title>\n<style>\n")
            .Append(Style.Value).Append("\n</style>\n</head>\n<body>\n<h1>").Append(title).Append("</h1>\n");
        if (context.Date is { } date)
        {
            output.Append("<p class=\"date\">").Append(TablePlan.HtmlText(date)).Append("</p>\n");
        }

        for (var s = 0; s < plan.Sections.Length; s++)
        {
            var section = plan.Sections[s];
            output.Append("<section id=\"").Append(section.Name).Append("\">\n<h2>").Append(section.HtmlLabel).Append("</h2>\n");
            foreach (var paragraph in paragraphs[s])
            {
                output.Append("<p>").Append(TablePlan.HtmlText(paragraph)).Append("</p>\n");
            }

            foreach (var table in section.Tables)
            {
                Table(output, table, context, static (output, hole, text, numbers) =>
                {
                    output.Append("<td").Append(hole.Spans);
                    if (numbers.Count > 0)
                    {
                        output.Append(" id=\"cell-").Append(hole.HtmlId).Append("\" class=\"finding\" title=\"");
                        for (var i = 0; i < numbers.Count; i++)
                        {
                            output.Append(i > 0 ? "&#10;" : string.Empty).Append(TablePlan.HtmlText(numbers.Findings[numbers[i] - 1].Text));
                        }

                        output.Append('"');
                    }

                    output.Append('>').Append(TablePlan.HtmlText(text)).Append("</td>\n");
                });
                output.Append('\n');
            }

            output.Append("</section>\n\n");
        }

        if (context.Annotate && context.Findings.Length > 0)
        {
            output.Append("<section id=\"findings\">\n<h2>审核意见</h2>\n<ol class=\"findings\">\n");
            foreach (var finding in context.Findings)
            {
                output.Append("<li id=\"finding-").Append(finding.Number).Append("\" class=\"").Append(finding.Severity).Append("\">")
                    .Append(TablePlan.HtmlText(finding.Text));
                foreach (var id in finding.Cells)
                {
                    var escaped = TablePlan.HtmlText(id);
                    output.Append(" <a href=\"#cell-").Append(escaped).Append("\">").Append(escaped).Append("</a>");
                }

                output.Append("</li>\n");
            }

            output.Append("</ol>\n</section>\n\n");
        }

        output.Append("</body>\n</html>\n");
        return output.ToString();
    }

    // The prose lines of document.docx: the Word writer reads them as it reads the template's output.
    private static string Word(FormatPlan plan, ImmutableArray<string>[] paragraphs, Context context)
    {
        var output = new StringBuilder(1024);
        output.Append("# ").Append(context.Title).Append('\n');
        if (context.Date is { } date)
        {
            output.Append("> ").Append(date).Append('\n');
        }

        for (var s = 0; s < plan.Sections.Length; s++)
        {
            var section = plan.Sections[s];
            output.Append("## ").Append(section.Label).Append('\n');
            foreach (var paragraph in paragraphs[s])
            {
                output.Append(paragraph).Append('\n');
            }

            foreach (var table in section.TableNames)
            {
                output.Append("@table ").Append(table).Append('\n');
            }
        }

        return output.ToString();
    }

    private static void Table(StringBuilder output, TablePlan table, Context context, Action<StringBuilder, TablePlan.Hole, string, Numbers> value)
    {
        var values = context.Data.Values;
        for (var i = 0; i < table.Holes.Length; i++)
        {
            output.Append(table.Literals[i]);
            var hole = table.Holes[i];
            var numbers = context.Annotate && context.ByCell.TryGetValue(hole.Id, out var found) ? new Numbers(found, context.Findings) : new Numbers(null, context.Findings);
            value(output, hole, ReportViewBuilder.FormatValue(values, hole.Cell, context.MissingMark), numbers);
        }

        output.Append(table.Literals[^1]);
    }

    private static readonly List<int> None = [];

    /// <summary>The numbers of the findings about one cell (none without annotations).</summary>
    private readonly struct Numbers(List<int>? numbers, ImmutableArray<FindingView> findings)
    {
        public int Count => numbers?.Count ?? 0;

        public ImmutableArray<FindingView> Findings => findings;

        public int this[int index] => numbers is null ? 0 : numbers[index];

        public List<int>.Enumerator GetEnumerator() => (numbers ?? None).GetEnumerator();
    }

    private sealed class Context(ReportData data, RenderOptions options, bool annotate, ImmutableArray<FindingView> findings, Dictionary<string, List<int>> byCell)
    {
        public ReportData Data => data;

        public bool Annotate => annotate;

        public ImmutableArray<FindingView> Findings => findings;

        public Dictionary<string, List<int>> ByCell => byCell;

        public string Title { get; } = ReportViewBuilder.Title(data);

        public string? Date { get; } = ReportViewBuilder.Date(options);

        public string MissingMark => options.Kind == RenderKind.Html ? string.Empty : "/";
    }
}
