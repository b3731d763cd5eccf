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

    public static List<decimal?[]> Segment(IReadOnlyList<DocumentItem> items, IReadOnlyList<bool> amountColumns)
    {
        var results = new List<decimal?[]>();
        var current = new decimal?[amountColumns.Count];
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
                case ItemKind.Value when column < amountColumns.Count:
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

        // Splits digits[from..] into numbers for columns starting at column, leaving room for the items after it.
        void Split(string digits, int from, int column, int item, int remainingItems)
        {
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

                if (!decimal.TryParse(part, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    break;
                }

                current[column] = value;
                Split(digits, end, column + 1, item, remainingItems);
            }
        }
    }
}
