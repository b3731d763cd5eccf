using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>
/// SARIF 2.1.0 output: one run whose tool carries the rule catalogue (every rule of the specs, and the RD31xx value
/// checks), and one result per finding with its location and a partial fingerprint. Written by hand with
/// Utf8JsonWriter because the Sarif.Sdk package is not available here; the shape follows the OASIS 2.1.0 schema.
/// </summary>
internal sealed class SarifResultWriter : IResultWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly MemoryStream _stream = new();
    private readonly TextWriter _output;
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Omitted)> _omitted = [];

    public SarifResultWriter(TextWriter output, SpecCatalog catalog)
    {
        _output = output;
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        _json.WriteString("version", "2.1.0");
        _json.WriteStartArray("runs");
        _json.WriteStartObject();
        _json.WriteStartObject("tool");
        _json.WriteStartObject("driver");
        _json.WriteString("name", "reportdsl");
        _json.WriteString("semanticVersion", typeof(SarifResultWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        _json.WriteStartArray("rules");
        foreach (var rule in catalog.Compilation.Formats.SelectMany(f => f.Rules).DistinctBy(r => r.Code))
        {
            WriteRule(rule.Code, rule.Code, rule.Message, rule.Severity == RuleSeverity.Error ? "error" : "warning", $"{rule.Table.Label}");
        }

        foreach (var descriptor in DiagnosticCatalog.All.Where(d => d.Code.StartsWith("RD31", StringComparison.Ordinal)))
        {
            WriteRule(descriptor.Code, descriptor.Name, descriptor.GetMessageFormat(CultureInfo.CurrentUICulture), descriptor.Severity == DiagnosticSeverity.Error ? "error" : "warning", null);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.WriteStartArray("results");
        Flush();
    }

    public void Write(FileResult result)
    {
        foreach (var finding in result.Findings)
        {
            _json.WriteStartObject();
            _json.WriteString("ruleId", finding.Code);
            if (_ruleIndex.TryGetValue(finding.Code, out var index))
            {
                _json.WriteNumber("ruleIndex", index);
            }

            _json.WriteString("level", finding.Severity == FindingSeverity.Error ? "error" : "warning");
            _json.WriteStartObject("message");
            var text = finding.Message;
            if (finding is { Left: { } left, Right: { } right })
            {
                text += $" {left.Labels} = {left.Value.ToString(CultureInfo.InvariantCulture)}; {right.Labels} = {right.Value.ToString(CultureInfo.InvariantCulture)}; 差 {finding.Difference?.ToString(CultureInfo.InvariantCulture)}";
            }

            if (finding.AffectedCells > 1 || !finding.Folded.IsEmpty)
            {
                text += $" ({Words.Affected(finding)})";
            }

            _json.WriteString("text", text);
            _json.WriteEndObject();
            _json.WriteStartArray("locations");
            _json.WriteStartObject();
            _json.WriteStartObject("physicalLocation");
            _json.WriteStartObject("artifactLocation");
            _json.WriteString("uri", ToUri(finding.Location?.Path ?? result.Path));
            _json.WriteEndObject();
            _json.WriteStartObject("region");
            _json.WriteNumber("startLine", Math.Max(1, finding.Location?.Line ?? 1));
            _json.WriteNumber("startColumn", Math.Max(1, finding.Location?.Column ?? 1));
            _json.WriteEndObject();
            _json.WriteEndObject();
            if (finding.Cells.Length > 0)
            {
                _json.WriteStartArray("logicalLocations");
                foreach (var cell in finding.Cells)
                {
                    _json.WriteStartObject();
                    _json.WriteString("fullyQualifiedName", cell.Id);
                    _json.WriteString("name", $"{cell.TableLabel} / {string.Join('/', cell.RowLabels)} / {string.Join('/', cell.ColumnLabels)}");
                    _json.WriteString("kind", "element");
                    _json.WriteEndObject();
                }

                _json.WriteEndArray();
            }

            _json.WriteEndObject();
            _json.WriteEndArray();
            _json.WriteStartObject("partialFingerprints");
            _json.WriteString("reportdsl/v1", finding.Fingerprint);
            _json.WriteEndObject();
            _json.WriteStartObject("properties");
            _json.WritePropertyName("finding");
            JsonResultWriter.WriteFinding(_json, finding);
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        if (result.Omitted > 0)
        {
            _omitted.Add((result.Path, result.Omitted));
        }

        Flush();
    }

    public void Complete(RunSummary summary)
    {
        _json.WriteEndArray();
        if (summary.Interrupted || _omitted.Count > 0)
        {
            // One invocation: whether the run finished (a signal stops it early), and a note per file whose findings
            // past --max-findings were only counted, which viewers show.
            _json.WriteStartArray("invocations");
            _json.WriteStartObject();
            _json.WriteBoolean("executionSuccessful", !summary.Interrupted);
            if (summary.Interrupted)
            {
                _json.WriteNumber("exitCode", ExitCodes.Interrupted);
            }

            if (_omitted.Count > 0)
            {
                _json.WriteStartArray("toolExecutionNotifications");
                foreach (var (path, omitted) in _omitted)
                {
                    _json.WriteStartObject();
                    _json.WriteString("level", "note");
                    _json.WriteStartObject("message");
                    _json.WriteString("text", Words.More(omitted));
                    _json.WriteEndObject();
                    _json.WriteStartArray("locations");
                    _json.WriteStartObject();
                    _json.WriteStartObject("physicalLocation");
                    _json.WriteStartObject("artifactLocation");
                    _json.WriteString("uri", ToUri(path));
                    _json.WriteEndObject();
                    _json.WriteEndObject();
                    _json.WriteEndObject();
                    _json.WriteEndArray();
                    _json.WriteStartObject("properties");
                    _json.WriteNumber("omittedFindings", omitted);
                    _json.WriteEndObject();
                    _json.WriteEndObject();
                }

                _json.WriteEndArray();
            }

            _json.WriteEndObject();
            _json.WriteEndArray();
        }

        if (_omitted.Count > 0)
        {
            _json.WriteStartObject("properties");
            _json.WriteNumber("omittedFindings", summary.Omitted);
            _json.WriteEndObject();
        }

        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        Flush();
        _output.WriteLine();
    }

    private void WriteRule(string id, string name, string text, string level, string? table)
    {
        _ruleIndex[id] = _ruleIndex.Count;
        _json.WriteStartObject();
        _json.WriteString("id", id);
        _json.WriteString("name", name);
        _json.WriteStartObject("shortDescription");
        _json.WriteString("text", text);
        _json.WriteEndObject();
        _json.WriteStartObject("defaultConfiguration");
        _json.WriteString("level", level);
        _json.WriteEndObject();
        if (table is not null)
        {
            _json.WriteStartObject("properties");
            _json.WriteString("table", table);
            _json.WriteEndObject();
        }

        _json.WriteEndObject();
    }

    private static string ToUri(string path) => path.Replace('\\', '/');

    private void Flush()
    {
        _json.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(_stream.GetBuffer(), 0, (int)_stream.Length));
        _stream.SetLength(0);
    }
}
