using ReportDsl.Diagnostics;
using ReportDsl.Documents.Text;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// The facts the document's text states, as extra constraints where the table's own rules leave a row several
/// readings: cells run together ("693665", with 本年制发69件 and 现行有效665件 in the text), or numbers OCR was unsure of.
/// A reading that contradicts a stated fact is dropped, unless every reading does: the text is written by hand and may
/// be wrong, and then the rules over the facts report it as for any report. Facts never take part in the search across
/// rows, so a sentence cannot make a table unreadable.
/// </summary>
internal sealed partial class SpecExtractor
{
    // The stated facts (cell index and number), read from the text the first time a row needs them.
    private Dictionary<int, decimal>? _facts;

    /// <summary>
    /// The readings of <paramref name="cells"/> (cells of one row, whose other cells hold what was read) that agree
    /// with every rule tying a stated fact to cells of the row only, and those rules; null when no such rule exists or
    /// no reading agrees.
    /// </summary>
    private (List<decimal?[]> Readings, List<Instance> Rules)? NarrowByFacts(int[] cells, IReadOnlyCollection<int> row, List<decimal?[]> readings)
    {
        var facts = StatedFacts();
        if (facts.Count == 0)
        {
            return null;
        }

        var within = row.Where(i => i >= 0).Concat(facts.Keys).ToHashSet();
        var rules = Instances().Where(i => i.Cells.Overlaps(facts.Keys) && i.Cells.Overlaps(cells) && i.Cells.IsSubsetOf(within)).ToList();
        if (rules.Count == 0)
        {
            return null;
        }

        var stated = facts.Keys.ToArray();
        Set(stated, [.. stated.Select(c => (decimal?)facts[c])]);
        var kept = readings.Where(reading =>
        {
            Set(cells, reading);
            return rules.All(Holds);
        }).ToList();
        Clear(cells);

        // Fact cells stay as a new report has them (unstated) until the document reader reads the text after extraction.
        Array.ForEach(stated, _values.SetUnstated);
        return kept.Count == 0 ? null : (kept, rules);
    }

    /// <summary>The facts the text states, read as the document reader reads them after extraction.</summary>
    private Dictionary<int, decimal> StatedFacts()
    {
        if (_facts is not null)
        {
            return _facts;
        }

        _facts = [];
        if (_layout.FirstFact == _layout.Cells.Length)
        {
            return _facts;
        }

        var prose = ProseSegmenter.Segment(_items, _format, _path);
        var scratch = new ReportValues(_layout);
        FactReader.Read(scratch, prose.Sections, prose.Locate, new FindingLocation(_path, 1, 1), new FindingCollector(0));
        for (var cell = _layout.FirstFact; cell < _layout.Cells.Length; cell++)
        {
            if (scratch.StateOf(cell) == CellState.Present && scratch.NumberOf(cell) is { } number)
            {
                _facts[cell] = number;
            }
        }

        return _facts;
    }

    /// <summary>Says that the stated facts, named by the rules over them, decided a row of cells run together (RD3255).</summary>
    private void ReportDecidedByFacts(DocumentItem at, string digits, int[] cells, AxisItemSymbol row, int readings, decimal?[] chosen, List<Instance> rules)
    {
        var location = at.Locate(_path);
        var codes = string.Join(", ", rules.Select(i => _validator?.Instances[i.Index].Rule.Code).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        _findings.Add(Finding.ForData(
            DiagnosticCatalog.RD3255, [.. cells.Where(i => i >= 0).Select(i => _layout.Describe(i, null, false, location))], null, location,
            LabelPath(row), digits, readings, Show(chosen), codes));
    }
}
