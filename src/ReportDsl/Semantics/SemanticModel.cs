using System.Collections.Immutable;
using ReportDsl.Diagnostics;

namespace ReportDsl.Semantics;

/// <summary>The checked meaning of a compilation: its formats, their tables, cells and rules, and the diagnostics.</summary>
public sealed class SemanticModel
{
    internal SemanticModel(Compilation compilation) => Compilation = compilation;

    /// <summary>Gets the compilation the model belongs to.</summary>
    public Compilation Compilation { get; }

    /// <summary>Gets the formats.</summary>
    public ImmutableArray<FormatSymbol> Formats => Compilation.Formats;

    /// <summary>Gets the diagnostics.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Compilation.GetDiagnostics();

    /// <summary>Finds a format by identifier and version.</summary>
    public FormatSymbol? FindFormat(string name, string version) =>
        Formats.FirstOrDefault(f => f.Name == name && f.Version == version);

    /// <summary>Writes the whole model as deterministic text: two specs mean the same thing exactly when their dumps are equal.</summary>
    public string Dump() => ModelPrinter.Print(Formats);
}
