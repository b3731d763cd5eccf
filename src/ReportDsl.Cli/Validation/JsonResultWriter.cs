using System.Text.Encodings.Web;
using System.Text.Json;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>The documented JSON output (docs/validation.md), streamed file by file so memory stays flat.</summary>
internal sealed class JsonResultWriter : IResultWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly Stream _stream;
    private readonly TextWriter _output;

    public JsonResultWriter(TextWriter output)
    {
        _output = output;
        _stream = new MemoryStream();
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteNumber("schemaVersion", 1);
        _json.WriteStartArray("files");
        Flush();
    }

    public void Write(FileResult result)
    {
        _json.WriteStartObject();
        _json.WriteString("path", result.Path);
        _json.WriteString("format", result.Format);
        _json.WriteString("version", result.Version);
        _json.WriteString("formatChoice", result.Choice);
        _json.WriteBoolean("unreadable", result.Unreadable);
        _json.WriteNumber("errors", result.Errors);
        _json.WriteNumber("warnings", result.Warnings);
        _json.WriteNumber("omittedFindings", result.Omitted);
        _json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            WriteFinding(_json, finding);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        Flush();
    }

    public void Complete(RunSummary summary)
    {
        _json.WriteEndArray();
        _json.WriteStartObject("summary");
        _json.WriteNumber("files", summary.Files);
        _json.WriteNumber("clean", summary.Clean);
        _json.WriteNumber("withErrors", summary.WithErrors);
        _json.WriteNumber("withWarningsOnly", summary.WithWarningsOnly);
        _json.WriteNumber("unreadable", summary.Unreadable);
        _json.WriteNumber("omittedFindings", summary.Omitted);
        if (summary.Interrupted)
        {
            _json.WriteBoolean("interrupted", true);
        }
        _json.WriteStartObject("byCode");
        foreach (var (code, count) in summary.ByCode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _json.WriteNumber(code, count);
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.WriteEndObject();
        Flush();
        _output.WriteLine();
    }

    internal static void WriteFinding(Utf8JsonWriter json, Finding finding)
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
            json.WriteBoolean("previous", cell.IsPrevious);
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

    private void Flush()
    {
        _json.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(((MemoryStream)_stream).GetBuffer(), 0, (int)_stream.Length));
        _stream.SetLength(0);
    }
}
