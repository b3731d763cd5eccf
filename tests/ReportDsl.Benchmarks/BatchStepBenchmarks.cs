using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>
/// The steps of one file of a batch (<c>validate folder --format json</c>, docs/benchmarks.md, issue 7): reading and
/// type-checking its JSON, the rules with their findings, and writing its JSON result the way the CLI's JSON writer
/// does (indented, into a buffer, then through the output's TextWriter), for a clean report and for a broken one (one
/// report in ten in the batch measurement). Tells which step a batch spends its CPU on.
/// </summary>
[MemoryDiagnoser]
public class BatchStepBenchmarks
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly MemoryStream _buffer = new();
    private readonly TextWriter _output = new StreamWriter(Stream.Null, new UTF8Encoding(false));
    private Validator _validator = null!;
    private byte[] _json = [];
    private ReportData _broken = null!;
    private FindingList _cleanFindings = null!;
    private FindingList _brokenFindings = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "formats", "2021.rdsl"));
        _validator = Validator.Create(Compilation.Create(SourceText.From(spec)).Formats.Single());
        _json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "2021-valid.json"));
        var report = JsonNode.Parse(_json)?.AsObject() ?? throw new InvalidOperationException("The example is not a JSON object.");
        var cells = report["cells"]?.AsObject() ?? throw new InvalidOperationException("The example has no cells.");
        cells["applications.received[natural]"] = (long)(cells["applications.received[natural]"] ?? 0) + 1;
        _broken = Read(Encoding.UTF8.GetBytes(report.ToJsonString()));
        _cleanFindings = _validator.ValidateUpTo(Read(_json), null, 1000);
        _brokenFindings = _validator.ValidateUpTo(_broken, null, 1000);
        if (_cleanFindings.Findings.Length != 0 || _brokenFindings.Findings.Length == 0)
        {
            throw new InvalidOperationException("The example must be clean and its broken copy must not.");
        }
    }

    /// <summary>Reading the report's JSON and checking every value's type (every file).</summary>
    [Benchmark(Baseline = true)]
    public int ReadJson() => Read(_json).ReadFindings.Length;

    /// <summary>The rules, with findings described, on a broken report (one file in ten).</summary>
    [Benchmark]
    public int ValidateBroken() => _validator.ValidateUpTo(_broken, null, 1000).Findings.Length;

    /// <summary>Writing a clean file's JSON result (nine files in ten).</summary>
    [Benchmark]
    public long WriteClean() => Write(_cleanFindings);

    /// <summary>Writing a broken file's JSON result, its findings with cells, labels, equation and location (one file in ten).</summary>
    [Benchmark]
    public long WriteBroken() => Write(_brokenFindings);

    private ReportData Read(byte[] json) =>
        ReportDataReader.Read(json, "2021.json", (_, _) => _validator.Layout, "2021").Data ?? throw new InvalidOperationException("The report did not read.");

    /// <summary>What JsonResultWriter.Write does for one file: the shared writer into a buffer, then the text through the output.</summary>
    private long Write(FindingList findings)
    {
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            FindingJson.WriteResult(json, "batch/00/000000.json", "gov_info_disclosure", "2021", "declared in the data", unreadable: false, findings.Findings, findings.Omitted);
        }

        _output.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        return _buffer.Length;
    }
}
