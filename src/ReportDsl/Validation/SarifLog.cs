using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// SARIF 2.1.0 in pieces, so a host can stream it: the opening (one run whose tool carries the rule catalogue: every
/// rule of the specs, the RD31xx value and RD32xx document checks, and the host's own codes), one result per finding,
/// and the closing. Written by hand with
/// Utf8JsonWriter because the Sarif.Sdk package is not available here; the shape follows the OASIS 2.1.0 schema.
/// The tool version is the host's (the reportdsl tool, the service), and so is the wording of how many cells a finding
/// left empty and which checks it folded (<paramref name="describeAffected"/>), in the host's language.
/// </summary>
internal sealed class SarifLog(string toolVersion, Func<Finding, string> describeAffected)
{
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes the log's opening, up to and including the start of the results array. The catalogue lists the rules of
    /// the specs, the checks of values and documents (RD31xx, RD32xx), and the codes only the host gives a result
    /// (<paramref name="hostCodes"/>: the CLI's RD600x for a path it could not read), so every result has its rule.
    /// </summary>
    public void WriteStart(Utf8JsonWriter json, IEnumerable<FormatSymbol> formats, IEnumerable<DiagnosticDescriptor>? hostCodes = null)
    {
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "reportdsl");
        json.WriteString("semanticVersion", toolVersion);
        json.WriteStartArray("rules");
        // Implied rules (a group with values, a subtotal) carry the codes RD3178-RD3180, listed with the checks below.
        foreach (var rule in formats.SelectMany(f => f.Rules).Where(r => !r.IsImplied).DistinctBy(r => r.Code))
        {
            WriteRule(json, rule.Code, rule.Code, rule.Message, rule.Severity == RuleSeverity.Error ? "error" : "warning", rule.Table.Label);
        }

        var checks = DiagnosticCatalog.All.Where(d => d.Code.StartsWith("RD31", StringComparison.Ordinal) || d.Code.StartsWith("RD32", StringComparison.Ordinal));
        foreach (var descriptor in checks.Concat(hostCodes ?? []).DistinctBy(d => d.Code))
        {
            WriteRule(json, descriptor.Code, descriptor.Name, descriptor.GetMessageFormat(CultureInfo.CurrentUICulture), descriptor.Severity == DiagnosticSeverity.Error ? "error" : "warning", null);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
    }

    /// <summary>Writes one result per finding of an input.</summary>
    public void WriteResults(Utf8JsonWriter json, string path, ImmutableArray<Finding> findings)
    {
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Code);
            if (_ruleIndex.TryGetValue(finding.Code, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", finding.Severity == FindingSeverity.Error ? "error" : "warning");
            json.WriteStartObject("message");
            var text = finding.Message;
            if (finding is { Left: { } left, Right: { } right })
            {
                text += $" {left.Labels} = {left.Value.ToString(CultureInfo.InvariantCulture)}; {right.Labels} = {right.Value.ToString(CultureInfo.InvariantCulture)}; 差 {finding.Difference?.ToString(CultureInfo.InvariantCulture)}";
            }

            if (finding.AffectedCells > 1 || !finding.Folded.IsEmpty)
            {
                text += $" ({describeAffected(finding)})";
            }

            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", (finding.Location?.Path ?? path).Replace('\\', '/'));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, finding.Location?.Line ?? 1));
            json.WriteNumber("startColumn", Math.Max(1, finding.Location?.Column ?? 1));
            json.WriteEndObject();
            json.WriteEndObject();
            if (finding.Cells.Length > 0)
            {
                json.WriteStartArray("logicalLocations");
                foreach (var cell in finding.Cells)
                {
                    json.WriteStartObject();
                    json.WriteString("fullyQualifiedName", cell.Id);
                    json.WriteString("name", $"{cell.TableLabel} / {string.Join('/', cell.RowLabels)} / {string.Join('/', cell.ColumnLabels)}");
                    json.WriteString("kind", "element");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("reportdsl/v1", finding.Fingerprint);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WritePropertyName("finding");
            FindingJson.WriteFinding(json, finding);
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    /// <summary>Closes the results array; the host may add run properties (invocations) before <see cref="WriteEndLog"/>.</summary>
    public static void WriteEndResults(Utf8JsonWriter json) => json.WriteEndArray();

    /// <summary>Closes the run and the log.</summary>
    public static void WriteEndLog(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteRule(Utf8JsonWriter json, string id, string name, string text, string level, string? table)
    {
        _ruleIndex[id] = _ruleIndex.Count;
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", level);
        json.WriteEndObject();
        if (table is not null)
        {
            json.WriteStartObject("properties");
            json.WriteString("table", table);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
