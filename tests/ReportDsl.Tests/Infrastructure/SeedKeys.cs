using ReportDsl.Semantics;

namespace ReportDsl.Tests.Infrastructure;

/// <summary>The key a seed's truth file uses for a cell: <c>T1|caption/row|column</c>, <c>T2|row path|column path</c>, <c>T3|案件数|column path</c>.</summary>
public static class SeedKeys
{
    public static string Of(CellSymbol cell)
    {
        var section = cell.Table.Name switch
        {
            "applications" => "T2",
            "reviews" => "T3",
            _ => "T1",
        };
        var row = section switch
        {
            "T1" => cell.Table.Label + "/" + string.Join('/', cell.Row.LabelPath),
            "T3" => "案件数",
            _ => string.Join('/', cell.Row.LabelPath),
        };
        return $"{section}|{row}|{string.Join('/', cell.Column.LabelPath)}";
    }
}
