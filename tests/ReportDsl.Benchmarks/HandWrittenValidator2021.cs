using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>
/// The 2021 rules written by hand against the same value arrays: the physical limit the compiled validator is compared
/// with. Same semantics: presence checks, checked arithmetic, count of instances with a problem.
/// </summary>
internal sealed class HandWrittenValidator2021
{
    private static readonly string[] Columns = ["natural", "legal.business", "legal.research", "legal.nonprofit", "legal.law_firm", "legal.other"];
    private static readonly string[] Outcomes = ["upheld", "corrected", "other", "pending"];
    private readonly int[][] _balance;
    private readonly int[][] _rowTotals;
    private readonly int[][] _results;
    private readonly int[][] _reviews;

    public HandWrittenValidator2021(Validator validator)
    {
        var layout = validator.Layout;
        int Index(string id) => layout.TryGetIndex(id, out var index) ? index : throw new InvalidOperationException(id);
        var allColumns = Columns.Append("total").ToArray();
        var applications = validator.Format.FindTable("applications") ?? throw new InvalidOperationException("applications");
        var resultRows = applications.FindItem(Semantics.Axis.Row, "results")!.ValueLeaves().Select(r => r.Path).Where(p => p != "results.total").ToArray();

        // GK001: received + carried_in = results.total + carried_out, per column.
        _balance = [.. allColumns.Select(c => new[] { Index($"applications.received[{c}]"), Index($"applications.carried_in[{c}]"), Index($"applications.results.total[{c}]"), Index($"applications.carried_out[{c}]") })];

        // GK002: total = natural + the five legal columns, per row: [total, parts...].
        _rowTotals = [.. applications.ValueRows.Select(r => Columns.Prepend("total").Select(c => Index($"applications.{r.Path}[{c}]")).ToArray())];

        // GK003: results.total = every result item, per column: [total, items...].
        _results = [.. allColumns.Select(c => resultRows.Prepend("results.total").Select(r => Index($"applications.{r}[{c}]")).ToArray())];

        // FY001 in each of its three groups (SS001 and SS002 before): group total = four outcomes: [total, outcomes...].
        _reviews = [.. new[] { "review", "litigation.direct", "litigation.after_review" }.Select(g => Outcomes.Prepend("total").Select(o => Index($"reviews.cases[{g}.{o}]")).ToArray())];
    }

    public int CountProblems(ReportValues values)
    {
        var whole = values.Whole;
        var state = values.State;
        var problems = 0;
        foreach (var b in _balance)
        {
            if (state[b[0]] != CellState.Present || state[b[1]] != CellState.Present || state[b[2]] != CellState.Present || state[b[3]] != CellState.Present)
            {
                problems++;
                continue;
            }

            try
            {
                if (checked(whole[b[0]] + whole[b[1]]) != checked(whole[b[2]] + whole[b[3]]))
                {
                    problems++;
                }
            }
            catch (OverflowException)
            {
                problems++;
            }
        }

        foreach (var set in _rowTotals)
        {
            problems += TotalIsSum(set, whole, state) ? 0 : 1;
        }

        foreach (var set in _results)
        {
            problems += TotalIsSum(set, whole, state) ? 0 : 1;
        }

        foreach (var set in _reviews)
        {
            problems += TotalIsSum(set, whole, state) ? 0 : 1;
        }

        return problems;
    }

    private static bool TotalIsSum(int[] cells, long[] whole, CellState[] state)
    {
        foreach (var cell in cells)
        {
            if (state[cell] != CellState.Present)
            {
                return false;
            }
        }

        try
        {
            long sum = 0;
            for (var i = 1; i < cells.Length; i++)
            {
                sum = checked(sum + whole[cells[i]]);
            }

            return sum == whole[cells[0]];
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
