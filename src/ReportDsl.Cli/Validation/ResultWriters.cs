namespace ReportDsl.Cli.Validation;

/// <summary>The machine-readable output formats of <c>validate</c>, by name; the text report for people is built by the command itself.</summary>
internal static class ResultWriters
{
    private static readonly Dictionary<string, Func<TextWriter, SpecCatalog, IResultWriter>> Factories = new(StringComparer.Ordinal)
    {
        ["json"] = (output, _) => new JsonResultWriter(output),
        ["sarif"] = (output, catalog) => new SarifResultWriter(output, catalog),
        ["junit"] = (output, catalog) => new JUnitResultWriter(output, catalog),
        ["github"] = (output, _) => new GitHubResultWriter(output),
    };

    /// <summary>Gets every output format name, text first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", .. Factories.Keys];

    /// <summary>Creates the writer of a machine-readable format; null for "text".</summary>
    public static IResultWriter? Create(string name, TextWriter output, SpecCatalog catalog) =>
        Factories.TryGetValue(name, out var factory) ? factory(output, catalog) : null;
}
