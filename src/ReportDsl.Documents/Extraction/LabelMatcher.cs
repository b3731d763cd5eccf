namespace ReportDsl.Documents.Extraction;

/// <summary>
/// How well a piece of document text stands for an official label, from 0 to 1: the Ratcliff–Obershelp similarity
/// (matching blocks found recursively), or, for a fragment of a label broken over cells, how much of the fragment the
/// label contains. Both sides are normalised first (TextNormalizer.Label).
/// </summary>
internal static class LabelMatcher
{
    public const double Threshold = 0.62;

    public static double Score(string text, string label)
    {
        if (text.Length == 0 || label.Length == 0)
        {
            return 0;
        }

        if (text == label)
        {
            return 1;
        }

        // Flattened pages glue a row's label to the text before it ("…现行有效件数规章"): a label that ends the text counts.
        if (label.Length >= 2 && text.EndsWith(label, StringComparison.Ordinal))
        {
            return 0.9;
        }

        // Cheap bound first: no more characters can match than the two texts have in common.
        if (!CanReach(text, label))
        {
            return 0;
        }

        var matched = Matching(text, 0, text.Length, label, 0, label.Length);
        var similarity = 2.0 * matched / (text.Length + label.Length);

        // A fragment ("上年结转政府" of "二、上年结转政府信息公开申请数量") counts when the label holds nearly all of it.
        var fragment = text.Length >= 4 && matched >= 0.85 * text.Length ? 0.7 : 0;
        return Math.Max(similarity, fragment);
    }

    public static double Best(string text, IReadOnlyList<string> labels)
    {
        var best = 0.0;
        foreach (var label in labels)
        {
            best = Math.Max(best, Score(text, label));
        }

        return best;
    }

    private static bool CanReach(string text, string label)
    {
        var common = 0;
        foreach (var c in text)
        {
            if (label.Contains(c, StringComparison.Ordinal))
            {
                common++;
            }
        }

        return 2.0 * common / (text.Length + label.Length) >= Threshold || (text.Length >= 4 && common >= 0.85 * text.Length);
    }

    private static int Matching(string a, int aStart, int aEnd, string b, int bStart, int bEnd)
    {
        if (aStart >= aEnd || bStart >= bEnd)
        {
            return 0;
        }

        var (length, i, j) = Longest(a, aStart, aEnd, b, bStart, bEnd);
        if (length == 0)
        {
            return 0;
        }

        return length + Matching(a, aStart, i, b, bStart, j) + Matching(a, i + length, aEnd, b, j + length, bEnd);
    }

    private static (int Length, int I, int J) Longest(string a, int aStart, int aEnd, string b, int bStart, int bEnd)
    {
        var best = (0, aStart, bStart);
        Span<int> previous = stackalloc int[bEnd - bStart + 1];
        Span<int> current = stackalloc int[bEnd - bStart + 1];
        for (var i = aStart; i < aEnd; i++)
        {
            for (var j = bStart; j < bEnd; j++)
            {
                current[j - bStart + 1] = a[i] == b[j] ? previous[j - bStart] + 1 : 0;
                if (current[j - bStart + 1] > best.Item1)
                {
                    best = (current[j - bStart + 1], i - current[j - bStart + 1] + 1, j - current[j - bStart + 1] + 1);
                }
            }

            var swap = previous;
            previous = current;
            current = swap;
            current.Clear();
        }

        return best;
    }
}
