using System.Collections.Immutable;
using System.Text;
using ReportDsl.Documents.Text;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// Cuts a document into the format's sections by their headings (一、总体情况 … 六、其他需要报告的事项), whatever reader
/// produced its items: the items are joined into one text (a line break between lines, nothing between the pieces of
/// one line), each section's heading is looked for after the previous one, and a section's text runs from its heading
/// to the next heading found. The text is the items' text, so it is normalised as labels are (fullwidth forms as
/// ASCII, no spaces, ，and 、 as a comma, 。 as a full stop); fact patterns are written to match either form.
/// </summary>
internal static class ProseSegmenter
{
    /// <summary>The sections found, in the format's order, and where a character of a section's text is in the document.</summary>
    public sealed record Result(ImmutableArray<ProseSection> Sections, Func<ProseSection, int, FindingLocation> Locate);

    public static Result Segment(IReadOnlyList<DocumentItem> items, FormatSymbol format, string path)
    {
        var text = new StringBuilder();
        var starts = new List<(int Offset, DocumentItem Item)>();
        DocumentItem? previous = null;
        foreach (var item in items)
        {
            if (item.Kind is ItemKind.Blank or ItemKind.RowBreak || item.Text.Length == 0)
            {
                continue;
            }

            if (previous is not null && (previous.Line != item.Line || previous.Detail != item.Detail))
            {
                text.Append('\n');
            }

            starts.Add((text.Length, item));
            text.Append(item.Text);
            previous = item;
        }

        var all = text.ToString();
        var headings = new List<(SectionSymbol Section, int Start, int End, string Heading)>();
        var cursor = 0;
        foreach (var section in format.Sections)
        {
            if (Find(all, cursor, section) is { } found)
            {
                headings.Add((section, found.Start, found.Start + found.Heading.Length, found.Heading));
                cursor = found.Start + found.Heading.Length;
            }
        }

        var sections = ImmutableArray.CreateBuilder<ProseSection>();
        var origins = new Dictionary<ProseSection, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < headings.Count; i++)
        {
            var (section, _, end, heading) = headings[i];
            var stop = i + 1 < headings.Count ? headings[i + 1].Start : all.Length;
            var from = end;
            while (from < stop && all[from] is '\n' or ' ')
            {
                from++;
            }

            var body = all[from..stop].TrimEnd('\n', ' ');
            var prose = new ProseSection(section.Name, body, Locate(from), heading);
            origins[prose] = from;
            sections.Add(prose);
        }

        return new Result(sections.ToImmutable(), (prose, index) => Locate(origins.GetValueOrDefault(prose) + index));

        FindingLocation Locate(int offset)
        {
            if (starts.Count == 0)
            {
                return new FindingLocation(path, 1, 1);
            }

            var at = starts.BinarySearch((offset, starts[0].Item), Comparer<(int Offset, DocumentItem Item)>.Create((a, b) => a.Offset.CompareTo(b.Offset)));
            var (start, item) = starts[at >= 0 ? at : Math.Max(0, ~at - 1)];
            var within = Math.Clamp(offset - start, 0, item.Text.Length);
            return new FindingLocation(path, item.Line, item.Column + within, item.Detail);
        }
    }

    /// <summary>
    /// The heading as printed, or any of its aliases, normalised as the items are; the earliest occurrence wins. Failing
    /// that, the heading without its numbering ("其他需要报告的事项" for "六、其他需要报告的事项") where it begins a line after
    /// other numbering ("6、"), as some reports number their headings: only at a line's start, since the preamble
    /// lists the sections' names in running text.
    /// </summary>
    private static (int Start, string Heading)? Find(string text, int from, SectionSymbol section)
    {
        var labels = section.Aliases.Prepend(section.Label).Select(TextNormalizer.Label).Where(l => l.Length > 0).ToList();
        (int Start, string Heading)? best = null;
        foreach (var label in labels)
        {
            var at = text.IndexOf(label, from, StringComparison.Ordinal);
            if (at >= 0 && (best is null || at < best.Value.Start))
            {
                best = (at, label);
            }
        }

        if (best is not null)
        {
            return best;
        }

        foreach (var label in labels)
        {
            var comma = label.IndexOf(',', StringComparison.Ordinal);
            if (comma is < 1 or > 3 || label.Length - comma < 4)
            {
                continue;
            }

            var name = label[(comma + 1)..];
            for (var at = text.IndexOf(name, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
                if (at - lineStart <= 4 && (best is null || lineStart < best.Value.Start))
                {
                    best = (lineStart, text[lineStart..(at + name.Length)]);
                    break;
                }
            }
        }

        return best;
    }
}
