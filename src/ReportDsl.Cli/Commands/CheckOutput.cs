using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportDsl.Analysis;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Cli.Commands;

/// <summary>
/// The machine-readable outputs of <c>check</c>: JSON (docs/analysis.md) and SARIF 2.1.0, one result per diagnostic,
/// with the rule instances and cells an analysis finding names (SARIF: related and logical locations).
/// </summary>
internal static class CheckOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(ImmutableArray<AnalysisFinding> findings, int files)
    {
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartArray("diagnostics");
            foreach (var finding in findings)
            {
                var d = finding.Diagnostic;
                json.WriteStartObject();
                json.WriteString("code", d.Code);
                json.WriteString("severity", Level(d.Severity, "info"));
                json.WriteString("name", d.Descriptor.Name);
                json.WriteString("message", d.Message);
                json.WriteString("path", d.Path);
                json.WriteNumber("line", d.Start.Line);
                json.WriteNumber("column", d.Start.Column);
                json.WriteNumber("endLine", d.End.Line);
                json.WriteNumber("endColumn", d.End.Column);
                json.WriteStartArray("rules");
                foreach (var rule in finding.Rules)
                {
                    json.WriteStartObject();
                    json.WriteString("code", rule.Rule.Code);
                    json.WriteString("instance", rule.Instance);
                    json.WriteString("role", JsonNamingPolicy.CamelCase.ConvertName(rule.Role.ToString()));
                    json.WriteString("table", rule.Rule.Table.Name);
                    json.WriteString("path", rule.Rule.Source.Path);
                    var start = rule.Rule.Source.GetLinePosition(rule.Rule.NameSpan.Start);
                    json.WriteNumber("line", start.Line);
                    json.WriteNumber("column", start.Column);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("cells");
                foreach (var cell in finding.Cells)
                {
                    json.WriteStartObject();
                    json.WriteString("id", cell.Id);
                    json.WriteString("table", cell.Table.Name);
                    json.WriteString("tableLabel", cell.Table.Label);
                    Strings(json, "rowLabels", cell.Row.LabelPath);
                    Strings(json, "columnLabels", cell.Column.LabelPath);
                    json.WriteString("type", cell.Type.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", files);
            json.WriteNumber("errors", findings.Count(f => f.Diagnostic.Severity == DiagnosticSeverity.Error));
            json.WriteNumber("warnings", findings.Count(f => f.Diagnostic.Severity == DiagnosticSeverity.Warning));
            json.WriteNumber("infos", findings.Count(f => f.Diagnostic.Severity == DiagnosticSeverity.Info));
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    public static string Sarif(ImmutableArray<AnalysisFinding> findings)
    {
        var descriptors = findings.Select(f => f.Diagnostic.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "reportdsl");
            json.WriteString("semanticVersion", typeof(CheckOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var descriptor in descriptors)
            {
                json.WriteStartObject();
                json.WriteString("id", descriptor.Code);
                json.WriteString("name", descriptor.Name);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", descriptor.GetMessageFormat(CultureInfo.CurrentUICulture));
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(descriptor.Severity, "note"));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                var d = finding.Diagnostic;
                json.WriteStartObject();
                json.WriteString("ruleId", d.Code);
                json.WriteNumber("ruleIndex", descriptors.FindIndex(x => x.Code == d.Code));
                json.WriteString("level", Level(d.Severity, "note"));
                json.WriteStartObject("message");
                json.WriteString("text", d.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                Physical(json, d.Path, d.Start.Line, d.Start.Column, d.End.Line, d.End.Column);
                if (finding.Cells.Length > 0)
                {
                    json.WriteStartArray("logicalLocations");
                    foreach (var cell in finding.Cells)
                    {
                        json.WriteStartObject();
                        json.WriteString("fullyQualifiedName", cell.Id);
                        json.WriteString("name", $"{cell.Table.Label} / {string.Join('/', cell.Row.LabelPath)} / {string.Join('/', cell.Column.LabelPath)}");
                        json.WriteString("kind", "element");
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndArray();
                if (finding.Rules.Length > 0)
                {
                    json.WriteStartArray("relatedLocations");
                    var id = 0;
                    foreach (var rule in finding.Rules)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("id", id++);
                        var start = rule.Rule.Source.GetLinePosition(rule.Rule.NameSpan.Start);
                        var end = rule.Rule.Source.GetLinePosition(rule.Rule.NameSpan.End);
                        Physical(json, rule.Rule.Source.Path, start.Line, start.Column, end.Line, end.Column);
                        json.WriteStartObject("message");
                        json.WriteString("text", $"{rule.Instance} ({JsonNamingPolicy.CamelCase.ConvertName(rule.Role.ToString())})");
                        json.WriteEndObject();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Physical(Utf8JsonWriter json, string path, int line, int column, int endLine, int endColumn)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", path.Replace('\\', '/'));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", line);
        json.WriteNumber("startColumn", column);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endColumn);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity, string info) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => info,
    };

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
