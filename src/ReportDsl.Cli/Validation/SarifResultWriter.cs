using System.Text.Encodings.Web;
using System.Text.Json;
using ReportDsl.Cli.Files;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>SARIF 2.1.0 output (the shape is <see cref="SarifLog"/>'s, shared with the validation service), streamed file by file.</summary>
internal sealed class SarifResultWriter : IResultWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly MemoryStream _stream = new();
    private readonly TextWriter _output;
    private readonly SarifLog _log = new(typeof(SarifResultWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", Words.Affected);
    private readonly List<(string Path, int Omitted)> _omitted = [];

    public SarifResultWriter(TextWriter output, SpecCatalog catalog)
    {
        _output = output;
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _log.WriteStart(_json, catalog.Compilation.Formats, PathProblem.InputCodes);
        Flush();
    }

    public void Write(FileResult result)
    {
        _log.WriteResults(_json, result.Path, result.Findings);
        if (result.Omitted > 0)
        {
            _omitted.Add((result.Path, result.Omitted));
        }
        Flush();
    }

    public void Complete(RunSummary summary)
    {
        SarifLog.WriteEndResults(_json);
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
                    _json.WriteString("uri", path.Replace('\\', '/'));
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

        SarifLog.WriteEndLog(_json);
        Flush();
        _output.WriteLine();
    }

    private void Flush()
    {
        _json.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(_stream.GetBuffer(), 0, (int)_stream.Length));
        _stream.SetLength(0);
    }
}
