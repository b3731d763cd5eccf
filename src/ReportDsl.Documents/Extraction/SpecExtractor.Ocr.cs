using ReportDsl.Diagnostics;
using ReportDsl.Documents.Text;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// Rows read by OCR with some numbers it was unsure of: the digits OCR confuses (3 and 8, 1 and 7…) give each such
/// number its alternatives, and the format's rules choose, as for cells run together: first the row's own rules, then,
/// when they leave several readings or none lies within the row, the rules across rows and tables (the column totals,
/// the 勾稽关系), searched with the rows they tie within a work budget. A reading the rules confirm is kept; one they
/// replace by the only reading that fits is taken and said (RD3251); one they cannot decide is kept and flagged
/// (RD3250), never silently trusted.
/// </summary>
internal sealed partial class SpecExtractor
{
    /// <summary>Below this OCR confidence (0–100) a number is checked against the rules.</summary>
    public const double LowConfidence = 85;

    // The most combinations of alternatives tried for one row; more uncertain numbers than this allows are only flagged.
    private const int MaxCombinations = 20_000;

    // Digits printed alike, which OCR takes for one another.
    private static readonly Dictionary<char, string> Confusable = new()
    {
        ['0'] = "689", ['1'] = "47", ['2'] = "37", ['3'] = "258", ['4'] = "19",
        ['5'] = "368", ['6'] = "058", ['7'] = "12", ['8'] = "03569", ['9'] = "048",
    };

    private static bool IsUncertain(DocumentItem item) => item.Kind == ItemKind.Value && item.Confidence < LowConfidence;

    private void ReadUncertain(TableSymbol table, AxisItemSymbol row, List<AxisItemSymbol> columns, List<DocumentItem> found)
    {
        var cells = Fit(found, CellsOf(table, row, columns), LabelPath(row));
        Assign(table, row, columns, cells);
        var indexes = CellsOf(table, row, columns);
        var uncertain = cells
            .Select((item, i) => (Item: item, Cell: indexes[i]))
            .Where(p => p.Cell >= 0 && p.Item is not null && IsUncertain(p.Item) && _values.NumberOf(p.Cell) is not null)
            .Select(p => (Item: p.Item ?? throw new InvalidOperationException(), p.Cell))
            .ToList();
        if (uncertain.Count == 0)
        {
            return;
        }

        var alternatives = uncertain.Select(u => Alternatives(u.Item)).ToList();
        var local = InstancesWithin([.. indexes.Where(i => i >= 0)]);
        var combinations = alternatives.Aggregate(1L, (product, a) => Math.Min(product * a.Count, long.MaxValue / 64));
        var targets = uncertain.Select(u => u.Cell).ToArray();
        var read = uncertain.Select(u => (decimal?)u.Item.Number).ToArray();
        if (combinations > MaxCombinations)
        {
            Flag(uncertain);
            return;
        }

        var fitting = new List<decimal?[]>();
        var choice = new decimal?[uncertain.Count];
        Try(0);
        Set(targets, read);
        if (!(fitting.Count == 1 && local.Count > 0) && fitting.Count > 0 && NarrowByFacts(targets, indexes, fitting) is var (narrowed, facts))
        {
            // What the text states about the row's cells is one more rule within the row.
            Set(targets, read);
            fitting = narrowed;
            local = [.. local, .. facts];
        }

        if (fitting.Count == 1 && local.Count > 0)
        {
            Choose(uncertain, fitting[0], local);
        }
        else if (fitting.Count == 0)
        {
            // No reading satisfies the row's own rules, so none satisfies every rule: the numbers stay as OCR read them.
            Flag(uncertain);
        }
        else
        {
            // Several readings fit the row (or no rule lies within it): the rules across rows and tables choose, with
            // the cells run together, once every row is read; until then the numbers stand as read.
            _pending.Add(new Pending(table, row, targets, fitting, uncertain[0].Item) { Uncertain = [.. uncertain.Select(u => u.Item)] });
        }

        void Try(int u)
        {
            if (u == uncertain.Count)
            {
                Set(targets, choice);
                if (local.All(Holds))
                {
                    fitting.Add((decimal?[])choice.Clone());
                }

                return;
            }

            foreach (var value in alternatives[u])
            {
                choice[u] = value;
                Try(u + 1);
            }
        }
    }

    /// <summary>Takes the only reading the rules allow, saying which numbers it changes and which rules decided (RD3251).</summary>
    private void Choose(IReadOnlyList<(DocumentItem Item, int Cell)> uncertain, decimal?[] chosen, IEnumerable<Instance> deciding)
    {
        Set([.. uncertain.Select(u => u.Cell)], chosen);
        var rules = string.Join(", ", deciding.Select(i => _validator?.Instances[i.Index].Rule.Code).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        for (var u = 0; u < uncertain.Count; u++)
        {
            if (chosen[u] != uncertain[u].Item.Number)
            {
                var (item, cell) = uncertain[u];
                var value = chosen[u]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                ReportCell(DiagnosticCatalog.RD3251, item, cell, _layout.Cells[cell].Id, item.Text, Percent(item), value, rules);
            }
        }
    }

    /// <summary>Keeps the numbers as OCR read them and flags each one (RD3250).</summary>
    private void Flag(IReadOnlyList<(DocumentItem Item, int Cell)> flagged)
    {
        Set([.. flagged.Select(f => f.Cell)], [.. flagged.Select(f => (decimal?)f.Item.Number)]);
        foreach (var (item, cell) in flagged)
        {
            ReportCell(DiagnosticCatalog.RD3250, item, cell, _layout.Cells[cell].Id, item.Text, Percent(item));
        }
    }

    /// <summary>The outcome of the search across rows for a row of uncertain OCR numbers, under the rules tying the rows.</summary>
    private void ResolveUncertain(Pending row, List<decimal?[]> possible, bool cutShort, List<Instance> relevant)
    {
        var uncertain = (row.Uncertain ?? []).Select((item, u) => (Item: item, Cell: row.Cells[u])).ToList();
        if (possible.Count == 1 && !cutShort)
        {
            // Facts take no part in the search across rows (SpecExtractor.Facts), so no rule over one decided here.
            Choose(uncertain, possible[0], relevant.Where(r => r.Cells.Overlaps(row.Cells) && r.Cells.All(c => c < _layout.FirstFact)));
        }
        else
        {
            Flag(uncertain);
        }
    }

    /// <summary>The number as read, then every number one confusable digit away (without a leading zero).</summary>
    private static List<decimal?> Alternatives(DocumentItem item)
    {
        var text = item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = new List<decimal?> { item.Number };
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var other in Confusable.GetValueOrDefault(text[i], string.Empty))
            {
                var variant = string.Concat(text.AsSpan(0, i), other.ToString(), text.AsSpan(i + 1));
                if ((variant.Length == 1 || variant[0] != '0')
                    && decimal.TryParse(variant, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    result.Add(value);
                }
            }
        }

        return result;
    }

    private static string Percent(DocumentItem item) => (item.Confidence ?? 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A finding about one cell that keeps its value.</summary>
    private void ReportCell(DiagnosticDescriptor descriptor, DocumentItem at, int cell, params object[] arguments)
    {
        var location = at.Locate(_path);
        _findings.Add(Finding.ForData(descriptor, [_layout.Describe(cell, null, false, location)], null, location, arguments));
    }
}
