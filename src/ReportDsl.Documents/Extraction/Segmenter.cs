using ReportDsl.Documents.Text;

namespace ReportDsl.Documents.Extraction;

/// <summary>
/// Every way to read a row's items as its cells when digits of several cells were run together: each run of digits
/// splits into one or more numbers (no leading zeros, a decimal point only in an amount column), each plain value or
/// blank fills one cell.
/// </summary>
internal static class Segmenter
{
    public const int MaxCandidates = 5000;

    /// <summary>
    /// The most splits tried for one row. When no reading fits, the splits of a long run of digits grow exponentially
    /// (found by fuzzing: one page took minutes), so the search stops here and keeps what it found.
    /// </summary>
    public const int MaxSteps = 100_000;

    public static List<decimal?[]> Segment(IReadOnlyList<DocumentItem> items, IReadOnlyList<bool> amountColumns)
    {
        var results = new List<decimal?[]>();
        var current = new decimal?[amountColumns.Count];
        var steps = 0;
        Walk(0, 0);
        return results;

        void Walk(int item, int column)
        {
            if (results.Count >= MaxCandidates)
            {
                return;
            }

            if (item == items.Count)
            {
                if (column == amountColumns.Count)
                {
                    results.Add((decimal?[])current.Clone());
                }

                return;
            }

            var remainingItems = items.Count - item - 1;
            switch (items[item].Kind)
            {
                case ItemKind.Value when column < amountColumns.Count && Fits(items[item].Number, column):
                    current[column] = items[item].Number;
                    Walk(item + 1, column + 1);
                    break;
                case ItemKind.Blank when column < amountColumns.Count:
                    current[column] = null;
                    Walk(item + 1, column + 1);
                    break;
                case ItemKind.Digits:
                    Split(items[item].Text, 0, column, item, remainingItems);
                    break;
            }
        }

        // A count or integer column holds a 64-bit whole number: a reading that puts more there is not a reading
        // (found by fuzzing: 26 run-together digits overflowed the conversion).
        bool Fits(decimal value, int column) => amountColumns[column] || value is >= long.MinValue and <= long.MaxValue;

        // Splits digits[from..] into numbers for columns starting at column, leaving room for the items after it.
        void Split(string digits, int from, int column, int item, int remainingItems)
        {
            if (++steps > MaxSteps)
            {
                return;
            }

            if (from == digits.Length)
            {
                Walk(item + 1, column);
                return;
            }

            if (column >= amountColumns.Count - remainingItems)
            {
                return;
            }

            for (var end = from + 1; end <= digits.Length; end++)
            {
                var part = digits[from..end];
                if (part.EndsWith('.'))
                {
                    continue;
                }

                if ((part.Length > 1 && part[0] == '0' && part[1] != '.') || (part.Contains('.', StringComparison.Ordinal) && !amountColumns[column]))
                {
                    if (part[0] == '0' && part.Length > 1 && part[1] != '.')
                    {
                        break;
                    }

                    continue;
                }

                // A longer part is a larger number, so once one does not fit, none after it does.
                if (!decimal.TryParse(part, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    || !Fits(value, column))
                {
                    break;
                }

                current[column] = value;
                Split(digits, end, column + 1, item, remainingItems);
            }
        }
    }
}
