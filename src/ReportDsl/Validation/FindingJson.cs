using System.Collections.Immutable;
using System.Text.Json;

namespace ReportDsl.Validation;

/// <summary>
/// The documented JSON shape of findings (docs/validation.md): one object per validated input with its findings. The
/// CLI's <c>--format json</c> and the validation service write the same shape through this one writer.
/// </summary>
internal static class FindingJson
{
    /// <summary>Writes one input's result: path, format, how it was chosen, counts, findings.</summary>
    public static void WriteResult(Utf8JsonWriter json, string path, string? format, string? version, string? choice, bool unreadable, ImmutableArray<Finding> findings, int omittedFindings = 0, int? errors = null, int? warnings = null)
    {
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteString("format", format);
        json.WriteString("version", version);
        json.WriteString("formatChoice", choice);
        json.WriteBoolean("unreadable", unreadable);
        // A host that capped the list passes the counts, which include the findings past the cap.
        json.WriteNumber("errors", errors ?? findings.Count(f => f.Severity == FindingSeverity.Error));
        json.WriteNumber("warnings", warnings ?? findings.Count(f => f.Severity == FindingSeverity.Warning));
        json.WriteNumber("omittedFindings", omittedFindings);
        WriteFindings(json, "findings", findings);
        json.WriteEndObject();
    }

    /// <summary>Writes an array of findings as a property.</summary>
    public static void WriteFindings(Utf8JsonWriter json, string name, ImmutableArray<Finding> findings)
    {
        json.WriteStartArray(name);
        foreach (var finding in findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes one finding: code, severity, message, cells with labels and values, the equation, location, fingerprint.</summary>
    public static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("code", finding.Code);
        json.WriteString("severity", finding.Severity == FindingSeverity.Error ? "error" : "warning");
        json.WriteString("message", finding.Message);
        json.WriteString("rule", finding.Rule);
        json.WriteString("table", finding.Table);
        json.WriteString("at", finding.At);
        json.WriteStartArray("cells");
        foreach (var cell in finding.Cells)
        {
            json.WriteStartObject();
            json.WriteString("id", cell.Id);
            json.WriteString("table", cell.Table);
            json.WriteString("tableLabel", cell.TableLabel);
            WriteStrings(json, "rowLabels", cell.RowLabels);
            WriteStrings(json, "columnLabels", cell.ColumnLabels);
            WriteNumber(json, "value", cell.Value);
            if (cell.Text is { } text)
            {
                json.WriteString("text", text);
            }

            json.WriteBoolean("previous", cell.IsPrevious);
            if (cell.IsDefaulted)
            {
                json.WriteBoolean("defaulted", true);
            }
            WriteLocation(json, cell.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (finding is { Left: { } left, Right: { } right })
        {
            WriteSide(json, "left", left);
            json.WriteString("operator", finding.Operator);
            WriteSide(json, "right", right);
            WriteNumber(json, "difference", finding.Difference);
        }

        WriteNumber(json, "tolerance", finding.Tolerance);
        WriteLocation(json, finding.Location);
        json.WriteString("fingerprint", finding.Fingerprint);
        if (finding.AffectedCells > 0 || !finding.Folded.IsEmpty)
        {
            // The cells this finding left empty are its "cells"; what could not be checked because of them is folded here.
            json.WriteNumber("affectedCells", finding.AffectedCells);
            json.WriteNumber("foldedChecks", finding.Folded.Length);
            json.WriteStartArray("folded");
            foreach (var folded in finding.Folded)
            {
                WriteFinding(json, folded);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, FindingSide side)
    {
        json.WriteStartObject(name);
        json.WriteString("expression", side.Expression);
        json.WriteString("labels", side.Labels);
        json.WriteNumber("value", side.Value);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteLocation(Utf8JsonWriter json, FindingLocation? location)
    {
        if (location is null)
        {
            json.WriteNull("location");
            return;
        }

        json.WriteStartObject("location");
        json.WriteString("path", location.Path);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteString("detail", location.Detail);
        json.WriteEndObject();
    }
}
