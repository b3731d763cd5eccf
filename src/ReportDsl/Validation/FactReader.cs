using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// Reads the facts a report's text states into its values, and checks that the required sections have text. Shared by
/// the report-data reader and the document reader, so that JSON and documents give the same findings; only where a
/// character of the text is (<c>locate</c>) differs.
/// </summary>
internal static class FactReader
{
    /// <summary>
    /// Fills the fact cells from the text and reports what is wrong with it; <paramref name="whereProse"/> is where the
    /// text as a whole is (the "prose" key, or the document's start), for what is missing from it. Returns where each
    /// fact that was read is stated (null when none was), for the findings that name it.
    /// </summary>
    public static Dictionary<int, FindingLocation>? Read(
        ReportValues values, ImmutableArray<ProseSection> prose, Func<ProseSection, int, FindingLocation> locate, FindingLocation whereProse, FindingCollector findings)
    {
        var layout = values.Layout;
        var bySection = new Dictionary<string, ProseSection>(StringComparer.Ordinal);
        foreach (var section in prose)
        {
            bySection.TryAdd(section.Section, section);
        }

        Dictionary<int, FindingLocation>? stated = null;
        for (var index = 0; index < layout.Format.Sections.Length; index++)
        {
            var section = layout.Format.Sections[index];
            var text = bySection.TryGetValue(section.Name, out var found) && !string.IsNullOrWhiteSpace(found.Text) ? found : null;
            values.SetSectionText(index, text is not null);
            if (text is null && section.IsRequired && section.IsProse && findings.Wants(DiagnosticCatalog.RD3125))
            {
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3125, [], null, whereProse, section.Name, section.Label));
            }

            foreach (var fact in section.Facts)
            {
                var cell = layout.IndexOf(fact.Cell);
                values.SetUnstated(cell);
                if (text is null)
                {
                    if (fact.IsRequired)
                    {
                        Report(DiagnosticCatalog.RD3128, fact, whereProse);
                    }

                    continue;
                }

                var matches = layout.FactExpression(cell).Matches(text.Text);
                if (matches.Count == 0)
                {
                    if (fact.IsRequired)
                    {
                        Report(DiagnosticCatalog.RD3128, fact, locate(text, 0));
                    }

                    continue;
                }

                var first = matches[0].Groups["n"];
                var at = locate(text, matches[0].Index);
                var distinct = matches.Select(m => Normalize(m.Groups["n"].Value)).Distinct(StringComparer.Ordinal).ToList();
                if (distinct.Count > 1)
                {
                    Report(DiagnosticCatalog.RD3129, fact, at, matches.Count, string.Join(", ", distinct));
                    continue;
                }

                if (!Set(values, cell, fact.Type, distinct[0]))
                {
                    values.SetInvalid(cell);
                    Report(DiagnosticCatalog.RD3130, fact, locate(text, first.Index), first.Value, fact.Type.ToString());
                    continue;
                }

                (stated ??= [])[cell] = at;
            }

        }

        return stated;

        void Report(DiagnosticDescriptor descriptor, FactSymbol fact, FindingLocation location, params object[] arguments)
        {
            if (findings.Wants(descriptor))
            {
                var cell = layout.Describe(layout.IndexOf(fact.Cell), null, location: location);
                findings.Add(Finding.ForData(descriptor, [cell], null, location, [fact.Section.Name, fact.Label, fact.Cell.Id, .. arguments]));
            }
        }
    }

    /// <summary>Full-width digits, separators and signs as ASCII, thousands separators dropped.</summary>
    private static string Normalize(string number)
    {
        var builder = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            switch (c)
            {
                case >= '０' and <= '９':
                    builder.Append((char)('0' + (c - '０')));
                    break;
                case ',' or '，':
                    break;
                case '．':
                    builder.Append('.');
                    break;
                case '－' or '−':
                    builder.Append('-');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool Set(ReportValues values, int cell, CellType type, string number)
    {
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if (type.IsWholeNumber)
        {
            if (value is > long.MaxValue or < long.MinValue || value != decimal.Truncate(value) || (value < 0 && type.Kind == CellTypeKind.Count))
            {
                return false;
            }

            values.SetWhole(cell, (long)value);
            return true;
        }

        if ((value / 1.0000000000000000000000000000m).Scale > type.Precision)
        {
            return false;
        }

        values.SetAmount(cell, value);
        return true;
    }
}
