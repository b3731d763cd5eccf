using System.Collections.Frozen;

namespace ReportDsl.Rendering.Templates;

/// <summary>The templates that ship inside the assembly (templates/gov-info-disclosure/render/*.sbn).</summary>
public sealed class BundledTemplates : ITemplateSource
{
    private const string Prefix = "ReportDsl.Rendering.Templates.";

    private readonly FrozenDictionary<string, TemplateFile> _templates;

    private BundledTemplates()
    {
        var assembly = typeof(BundledTemplates).Assembly;
        var templates = new Dictionary<string, TemplateFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sbn", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource);
            if (stream is null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            var file = resource[Prefix.Length..];
            templates[file[..^".sbn".Length]] = new TemplateFile("templates/gov-info-disclosure/render/" + file, reader.ReadToEnd().ReplaceLineEndings("\n"));
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the bundled templates.</summary>
    public static BundledTemplates Instance { get; } = new();

    /// <inheritdoc />
    public string Description => "the bundled templates";

    /// <summary>Gets the names of the bundled templates, sorted.</summary>
    public IEnumerable<string> Names => _templates.Keys.Order(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool TryGet(string name, out TemplateFile template)
    {
        if (_templates.TryGetValue(name, out var found))
        {
            template = found;
            return true;
        }

        template = new TemplateFile(string.Empty, string.Empty);
        return false;
    }
}
