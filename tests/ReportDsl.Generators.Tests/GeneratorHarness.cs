extern alias generator;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReportDslGenerator = generator::ReportDsl.Generators.ReportDslGenerator;

namespace ReportDsl.Generators.Tests;

/// <summary>Runs the generator the way the compiler does: a C# compilation, specs as additional files, item metadata as options.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => MetadataReference.CreateFromFile(path))]);

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, $"Program{i}.cs", Encoding.UTF8)),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, warningLevel: 9999, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<Spec> specs) => CSharpGeneratorDriver.Create(
        [new ReportDslGenerator().AsSourceGenerator()],
        specs.Select(s => s.AdditionalText),
        ParseOptions,
        new Options(specs.Where(s => s.Namespace is not null).ToDictionary(s => s.Path, s => s.Namespace ?? string.Empty)),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>A spec given to the build: its path, its text and the namespace its item names (null for the default).</summary>
    internal sealed record Spec(string Path, string Text, string? Namespace = null)
    {
        public AdditionalText AdditionalText { get; } = new InMemoryText(Path, Text);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(Dictionary<string, string> namespaces) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => namespaces.TryGetValue(textFile.Path, out var @namespace)
            ? new Values(ImmutableDictionary<string, string>.Empty.Add(ReportDslGenerator.NamespaceMetadata, @namespace))
            : GlobalOptions;
    }

    private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
