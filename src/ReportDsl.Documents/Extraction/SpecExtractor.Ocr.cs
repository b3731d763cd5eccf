using ReportDsl.Diagnostics;
using ReportDsl.Documents.Text;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// Rows read by OCR with some numbers it was unsure of: the digits OCR confuses (3 and 8, 1 and 7…) give each such
/// number its alternatives, and the row's own rules choose, as for cells run together. A reading the rules confirm is
/// kept; one they replace by the only reading that fits is taken and said (RD3251); one they cannot decide is kept and
/// flagged (RD3250), never silently trusted.
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
        if (local.Count == 0 || combinations > MaxCombinations)
        {
            Flag(uncertain);
            return;
        }

        var targets = uncertain.Select(u => u.Cell).ToArray();
        var fitting = new List<decimal?[]>();
        var choice = new decimal?[uncertain.Count];
        Try(0);
        var read = uncertain.Select(u => (decimal?)u.Item.Number).ToArray();
        if (fitting.Count == 1)
        {
            Set(targets, fitting[0]);
            for (var u = 0; u < uncertain.Count; u++)
            {
                if (fitting[0][u] != read[u])
                {
                    var item = uncertain[u].Item;
                    var chosen = fitting[0][u]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                    ReportCell(DiagnosticCatalog.RD3251, item, targets[u], _layout.Cells[targets[u]].Id, item.Text, Percent(item), chosen);
                }
            }

            return;
        }

        // None or several readings fit: the numbers stay as OCR read them, and each uncertain one is flagged.
        Set(targets, read);
        Flag(uncertain);

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

        void Flag(List<(DocumentItem Item, int Cell)> flagged)
        {
            foreach (var (item, cell) in flagged)
            {
                ReportCell(DiagnosticCatalog.RD3250, item, cell, _layout.Cells[cell].Id, item.Text, Percent(item));
            }
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
