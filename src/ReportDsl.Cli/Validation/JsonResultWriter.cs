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

    // A file's JSON decoded here for the output, instead of into a new string per file.
    private char[] _chars = new char[4096];

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
        FindingJson.WriteResult(_json, result.Path, result.Format, result.Version, result.Choice, result.Unreadable, result.Findings, result.Omitted, result.Errors, result.Warnings);
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

    private void Flush()
    {
        _json.Flush();
        var bytes = ((MemoryStream)_stream).GetBuffer().AsSpan(0, (int)_stream.Length);
        var most = System.Text.Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < most)
        {
            _chars = new char[most];
        }

        var count = System.Text.Encoding.UTF8.GetChars(bytes, _chars);
        _output.Write(_chars.AsSpan(0, count));
        _stream.SetLength(0);
    }
}
