using System.Collections.Concurrent;
using System.Text;
using ReportDsl.Documents.Text;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// A cheap first look at which format a document follows: the labels that only one candidate format prints (2019's
/// 本年新制作数量, 2021's 本年制发件数…) are looked up, as exact text, in the document's labels run together.
/// </summary>
internal static class FormatDetector
{
    private static readonly ConcurrentDictionary<(Validator, string), string[]> Unique = new();

    /// <summary>The one candidate whose own labels are found while no other candidate's are, or null when that is not clear.</summary>
    public static Validator? Decisive(IReadOnlyList<DocumentItem> items, IReadOnlyList<Validator> candidates)
    {
        if (candidates.Count < 2)
        {
            return null;
        }

        var scores = Scores(items, candidates);
        var ranked = scores.OrderByDescending(s => s.Ratio).ToList();
        return ranked[0].Ratio >= 0.5 && ranked[1].Ratio <= 0.1 ? ranked[0].Validator : null;
    }

    // The evidence is printed in the UI language with the rest of the report (clerks read it in Chinese).
    private static bool Chinese => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>Gets the word for labels in the evidence line.</summary>
    public static string LabelsWord => Chinese ? "个标签" : "labels";

    public static string Describe(IReadOnlyList<DocumentItem> items, IReadOnlyList<Validator> candidates) =>
        (Chinese ? "仅一种格式印有的标签：" : "labels only one format prints: ") + string.Join(Chinese ? "，" : ", ", Scores(items, candidates).Select(s =>
            $"{s.Validator.Format.Name} {s.Validator.Format.Version} {s.Found}/{s.Total}"));

    private static List<(Validator Validator, int Found, int Total, double Ratio)> Scores(IReadOnlyList<DocumentItem> items, IReadOnlyList<Validator> candidates)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (item.Kind == ItemKind.Label)
            {
                text.Append(item.Text);
            }
        }

        var joined = text.ToString();
        var key = string.Join("|", candidates.Select(c => c.Format.Name + " " + c.Format.Version));
        return [.. candidates.Select(candidate =>
        {
            var labels = Unique.GetOrAdd((candidate, key), _ => UniqueLabels(candidate, candidates));
            var found = labels.Count(l => joined.Contains(l, StringComparison.Ordinal));
            return (candidate, found, labels.Length, labels.Length == 0 ? 0 : (double)found / labels.Length);
        })];
    }

    private static string[] UniqueLabels(Validator candidate, IReadOnlyList<Validator> all)
    {
        static IEnumerable<string> Labels(Validator v) => v.Format.Tables
            .SelectMany(t => t.ValueRows.Concat(t.ValueColumns).Where(i => !i.IsUnlabeled).Select(i => i.Label))
            .Select(TextNormalizer.Label)
            .Where(l => l.Length >= 4);

        var others = all.Where(v => v != candidate).SelectMany(Labels).ToHashSet();
        return [.. Labels(candidate).Distinct().Where(l => !others.Any(o => o.Contains(l, StringComparison.Ordinal) || l.Contains(o, StringComparison.Ordinal)))];
    }
}
