using Scriban.Runtime;

namespace ReportDsl.Rendering.Model;

/// <summary>
/// The one mapping from the view model to what templates see: plain script objects and arrays with snake_case names,
/// holding only strings, numbers and booleans, so no .NET member is reachable from a template. docs/templates.md lists
/// every name.
/// </summary>
internal static class ScriptModel
{
    public static ScriptObject Create(ReportView report)
    {
        var root = new ScriptObject
        {
            ["report"] = Report(report),
            ["annotate"] = report.Annotate,
        };
        return root;
    }

    private static ScriptObject Report(ReportView report) => new()
    {
        ["format"] = new ScriptObject
        {
            ["name"] = report.Format.Name,
            ["version"] = report.Format.Version,
            ["title"] = report.Format.Title,
            ["document"] = report.Format.Document,
        },
        ["title"] = report.Title,
        ["agency"] = report.Agency,
        ["year"] = report.Year,
        ["date"] = report.Date,
        ["sections"] = Array(report.Sections, Section),
        ["findings"] = Array(report.Findings, Finding),
    };

    private static ScriptObject Section(SectionView section) => new()
    {
        ["name"] = section.Name,
        ["label"] = section.Label,
        ["is_prose"] = section.IsProse,
        ["paragraphs"] = Array(section.Paragraphs, p => p),
        ["tables"] = Array(section.Tables, Table),
    };

    private static ScriptObject Table(TableView table) => new()
    {
        ["name"] = table.Name,
        ["label"] = table.Label,
        ["width"] = table.Width,
        ["stub_width"] = table.StubWidth,
        ["header_row_count"] = table.HeaderRowCount,
        ["has_caption_row"] = table.HasCaptionRow,
        ["rows"] = Array(table.Rows, Row),
    };

    private static ScriptObject Row(RowView row) => new()
    {
        ["index"] = row.Index,
        ["is_header"] = row.IsHeader,
        ["cells"] = Array(row.Cells, Cell),
        ["slots"] = Array(row.Slots, Cell),
    };

    private static ScriptObject Cell(CellView cell) => new()
    {
        ["kind"] = cell.Kind,
        ["text"] = cell.Text,
        ["row"] = cell.Row,
        ["column"] = cell.Column,
        ["row_span"] = cell.RowSpan,
        ["column_span"] = cell.ColumnSpan,
        ["is_continuation"] = cell.IsContinuation,
        ["id"] = cell.Id,
        ["value"] = cell.Value,
        ["type"] = cell.Type,
        ["unit"] = cell.Unit,
        ["row_labels"] = Array(cell.RowLabels, l => l),
        ["column_labels"] = Array(cell.ColumnLabels, l => l),
        ["findings"] = Array(cell.Findings, n => n),
    };

    private static ScriptObject Finding(FindingView finding) => new()
    {
        ["number"] = finding.Number,
        ["code"] = finding.Code,
        ["severity"] = finding.Severity,
        ["message"] = finding.Message,
        ["equation"] = finding.Equation,
        ["text"] = finding.Text,
        ["cells"] = Array(finding.Cells, c => c),
    };

    private static ScriptArray Array<T>(IEnumerable<T> items, Func<T, object?> map)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(map(item));
        }

        return array;
    }
}
