using System.Text.Encodings.Web;
using System.Text.Json;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>SARIF 2.1.0 output (the shape is <see cref="SarifLog"/>'s, shared with the validation service), streamed file by file.</summary>
internal sealed class SarifResultWriter : IResultWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly MemoryStream _stream = new();
    private readonly TextWriter _output;
    private readonly SarifLog _log = new(typeof(SarifResultWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0") { DescribeAffected = Words.Affected };

    public SarifResultWriter(TextWriter output, SpecCatalog catalog)
    {
        _output = output;
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _log.WriteStart(_json, catalog.Compilation.Formats);
        Flush();
    }

    public void Write(FileResult result)
    {
        _log.WriteResults(_json, result.Path, result.Findings);
        Flush();
    }

    public void Complete(RunSummary summary)
    {
        SarifLog.WriteEndResults(_json);
        if (summary.Interrupted)
        {
            // The results are those of the files read before the signal; the invocation says the run did not finish.
            _json.WriteStartArray("invocations");
            _json.WriteStartObject();
            _json.WriteBoolean("executionSuccessful", false);
            _json.WriteNumber("exitCode", ExitCodes.Interrupted);
            _json.WriteEndObject();
            _json.WriteEndArray();
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
