using System.Collections.Concurrent;
using System.Text;
using ReportDsl.Documents.Text;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// A cheap first look at which format a document follows: the labels that only one candidate format prints (2019's
/// 本年新制作数量, 2021's 本年制发件数…) are looked up, as exact text, in the document's labels run together. A format
/// whose labels are all printed by another (a variant that drops rows, such as 2019-decisions-only) cannot be told
/// apart from it by its labels, so the two are one family here: the family is decided, and its members are extracted.
/// </summary>
internal static class FormatDetector
{
    private static readonly ConcurrentDictionary<string, Family[]> Families = new();

    /// <summary>
    /// The candidates of the one family whose own labels are found while no other family's are, or null when that is
    /// not clear (then every candidate is extracted).
    /// </summary>
    public static IReadOnlyList<Validator>? Likely(IReadOnlyList<DocumentItem> items, IReadOnlyList<Validator> candidates)
    {
        if (candidates.Count < 2)
        {
            return null;
        }

        var scores = Scores(items, candidates);
        if (scores.Count < 2)
        {
            return null;
        }

        var ranked = scores.OrderByDescending(s => s.Ratio).ToList();
        return ranked[0].Ratio >= 0.5 && ranked[1].Ratio <= 0.1 ? [.. ranked[0].Family.Members.Select(i => candidates[i])] : null;
    }

    // The evidence is printed in the UI language with the rest of the report (clerks read it in Chinese).
    private static bool Chinese => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>Gets the word for labels in the evidence line.</summary>
    public static string LabelsWord => Chinese ? "个标签" : "labels";

    public static string Describe(IReadOnlyList<DocumentItem> items, IReadOnlyList<Validator> candidates) =>
        (Chinese ? "仅一种格式印有的标签：" : "labels only one format prints: ") + string.Join(Chinese ? "，" : ", ", Scores(items, candidates).Select(s =>
            $"{string.Join(" + ", s.Family.Members.Select(i => candidates[i].Format.Name + " " + candidates[i].Format.Version))} {s.Found}/{s.Total}"));

    // Members are indexes into the candidates: the families are cached by the candidates' names and versions, which
    // other Validator instances of the same formats share.
    private sealed record Family(int[] Members, string[] UniqueLabels);

    private static List<(Family Family, int Found, int Total, double Ratio)> Scores(IReadOnlyList<DocumentItem> items, IReadOnlyList<Validator> candidates)
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
        return [.. Families.GetOrAdd(key, _ => FamiliesOf(candidates)).Select(family =>
        {
            var found = family.UniqueLabels.Count(l => joined.Contains(l, StringComparison.Ordinal));
            var total = family.UniqueLabels.Length;
            return (family, found, total, total == 0 ? 0 : (double)found / total);
        })];
    }

    private static Family[] FamiliesOf(IReadOnlyList<Validator> candidates)
    {
        static HashSet<string> Labels(Validator v) => [.. v.Format.Tables
            .SelectMany(t => t.ValueRows.Concat(t.ValueColumns).Where(i => !i.IsUnlabeled).Select(i => i.Label))
            .Select(TextNormalizer.Label)
            .Where(l => l.Length >= 4)];

        // Candidates whose labels one of them prints all of are joined (a variant and the format it varies).
        var labels = candidates.Select(Labels).ToList();
        var family = Enumerable.Range(0, candidates.Count).ToArray();
        int Root(int i) => family[i] == i ? i : family[i] = Root(family[i]);
        for (var a = 0; a < candidates.Count; a++)
        {
            for (var b = a + 1; b < candidates.Count; b++)
            {
                if (labels[a].IsSubsetOf(labels[b]) || labels[b].IsSubsetOf(labels[a]))
                {
                    family[Root(a)] = Root(b);
                }
            }
        }

        var groups = Enumerable.Range(0, candidates.Count).GroupBy(Root).Select(g => g.ToArray()).ToList();
        return [.. groups.Select(members =>
        {
            var own = members.SelectMany(i => labels[i]).ToHashSet();
            var others = groups.Where(g => g != members).SelectMany(g => g).SelectMany(i => labels[i]).ToHashSet();
            var unique = own.Where(l => !others.Any(o => o.Contains(l, StringComparison.Ordinal) || l.Contains(o, StringComparison.Ordinal))).Order(StringComparer.Ordinal);
            return new Family(members, [.. unique]);
        })];
    }
}
