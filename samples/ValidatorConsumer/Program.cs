using System.Text.Json;
using Y2019 = ReportDsl.Generated.GovInfoDisclosure2019;
using Y2021 = ReportDsl.Generated.GovInfoDisclosure2021;

// Validates report data files (the JSON that `reportdsl extract` writes) with the validators the source generator made
// from the bundled formats. Exit codes as reportdsl's: 0 clean (warnings allowed), 1 errors found, 2 unreadable input.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ValidatorConsumer <report.json>...");
    return 2;
}

var exitCode = 0;
foreach (var path in args)
{
    var result = Check(path);
    Console.WriteLine($"{path}: {result.Lines.Count(l => l.StartsWith("error", StringComparison.Ordinal))} error(s), {result.Lines.Count(l => l.StartsWith("warning", StringComparison.Ordinal))} warning(s)");
    foreach (var line in result.Lines)
    {
        Console.WriteLine("  " + line);
    }

    exitCode = Math.Max(exitCode, result.ExitCode);
}

return exitCode;

static (int ExitCode, List<string> Lines) Check(string path)
{
    JsonDocument document;
    try
    {
        document = JsonDocument.Parse(File.ReadAllBytes(path));
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
    {
        return (2, [$"error: cannot read the report: {e.Message}"]);
    }

    using (document)
    {
        var root = document.RootElement;
        var version = root.TryGetProperty("version", out var v) ? v.GetString() : null;
        if (!root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Object)
        {
            return (2, ["error: the report has no \"cells\" object"]);
        }

        var lines = new List<string>();
        switch (version)
        {
            case "2019":
                var report2019 = new Y2019.Report();
                Fill(cells, report2019.TrySet, lines);
                lines.AddRange(Y2019.Validator.Validate(report2019).Select(f => Describe(f.Severity, f.Code, f.Message, f.CellIds)));
                break;
            case "2021":
                var report2021 = new Y2021.Report();
                Fill(cells, report2021.TrySet, lines);
                lines.AddRange(Y2021.Validator.Validate(report2021).Select(f => Describe(f.Severity, f.Code, f.Message, f.CellIds)));
                break;
            default:
                return (2, [$"error: no generated validator for version \"{version}\""]);
        }

        return (lines.Any(l => l.StartsWith("error", StringComparison.Ordinal)) ? 1 : 0, lines);
    }
}

// Numbers are given as long when whole and decimal otherwise; TrySet refuses a value that does not fit its cell.
static void Fill(JsonElement cells, Func<string, object?, bool> trySet, List<string> lines)
{
    foreach (var cell in cells.EnumerateObject())
    {
        object? value = cell.Value.ValueKind switch
        {
            JsonValueKind.Number when cell.Value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number => cell.Value.GetDecimal(),
            JsonValueKind.String => cell.Value.GetString(),
            _ => null,
        };
        if (!trySet(cell.Name, value))
        {
            lines.Add($"error: {cell.Name}: the format has no such cell, or the cell cannot hold {cell.Value.GetRawText()}");
        }
    }
}

static string Describe(string severity, string code, string message, IReadOnlyList<string> cellIds) =>
    $"{severity} {code}: {message} ({string.Join(", ", cellIds)})";
