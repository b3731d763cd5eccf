using System.Reflection;
using ReportDsl.Documents;
using ReportDsl.Emit;
using ReportDsl.Formatting;
using ReportDsl.Syntax;
using ReportDsl.Text;
using ReportDsl.Validation;
using SharpFuzz;

namespace ReportDsl.Fuzz;

/// <summary>
/// The AFL++ harness: one target per kind of input, chosen by the first argument. Each target hands the fuzzer's bytes
/// to a public entry point that promises never to throw on bad input, so nothing here catches an exception: one that
/// escapes is a crash for AFL to keep. Run it through <c>tests/ReportDsl.Fuzz/run</c>, which instruments the
/// ReportDsl assemblies first; outside afl-fuzz it runs the target once on standard input, which reproduces a finding.
/// </summary>
public static class Program
{
    private static readonly IReadOnlyDictionary<string, Action<byte[]>> Targets = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["spec"] = Spec,
        ["data"] = Data,
        ["text"] = bytes => Document(bytes, "fuzz.txt"),
        ["markdown"] = bytes => Document(bytes, "fuzz.md"),
        ["html"] = bytes => Document(bytes, "fuzz.html"),
        ["docx"] = bytes => Document(bytes, "fuzz.docx"),
        ["pdf"] = bytes => Document(bytes, "fuzz.pdf"),
    };

    // The bundled 2019 and 2021 formats, the candidates the CLI offers a document or a report by default.
    private static readonly Lazy<Validator[]> Validators = new(() => [.. new[] { "2019", "2021" }.Select(LoadFormat)]);

    /// <summary>Runs the target named by the first argument under afl-fuzz; returns 2 for an unknown target.</summary>
    public static int Main(string[] args)
    {
        if (args.Length != 1 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: ReportDsl.Fuzz <{string.Join('|', Targets.Keys)}>");
            return 2;
        }

        // A PDF without text is read by OCR: tesseract and pdftoppm as separate, time-bounded processes, seconds per
        // page. Fuzzing that would fuzz those programs and report every scan-like input as a hang, so the target runs
        // as on a machine without them (RD3252 for such inputs); OCR's own handling of bad pages is tested in
        // OcrFindingTests and ScanAccuracyTests.
        Environment.SetEnvironmentVariable("PATH", string.Empty);

        // Nothing from the instrumented assemblies may run before Run: their probes write to AFL's shared memory,
        // which Run attaches. The bundled formats are therefore compiled lazily, in the first execution.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    // The whole spec pipeline a CLI user can reach: parse, format, bind, and for a spec without errors, the
    // validator and both emitters.
    private static void Spec(byte[] bytes)
    {
        var tree = SyntaxTree.Parse(SourceText.FromBytes(bytes, "fuzz.rdsl"));
        _ = Formatter.Format(tree);
        var compilation = Compilation.Create([tree]);
        _ = compilation.GetDiagnostics();
        if (compilation.HasErrors)
        {
            return;
        }

        foreach (var format in compilation.Formats)
        {
            _ = Validator.Create(format);
            _ = JsonSchemaEmitter.Emit(format);
            _ = CSharpEmitter.Emit(format, "Fuzz");
        }
    }

    private static void Data(byte[] bytes)
    {
        var result = ReportDataReader.Read(bytes, "fuzz.json", (name, version) => Find(name, version)?.Layout, "the bundled formats");
        Validate(result.Data);
    }

    private static void Document(byte[] bytes, string path) => Validate(DocumentReader.ReadFile(bytes, path, Validators.Value).Data);

    private static void Validate(ReportData? data)
    {
        if (data is not null && Find(data.FormatName, data.Version) is { } validator)
        {
            _ = validator.Validate(data);
        }
    }

    private static Validator? Find(string name, string version) =>
        Array.Find(Validators.Value, v => v.Format.Name == name && v.Format.Version == version);

    private static Validator LoadFormat(string version)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"formats/{version}.rdsl")
            ?? throw new InvalidOperationException($"the bundled format {version} is not embedded");
        using var reader = new StreamReader(stream);
        var compilation = Compilation.Create(SourceText.From(reader.ReadToEnd(), $"{version}.rdsl"));
        return Validator.Create(compilation.Formats.Single());
    }
}
