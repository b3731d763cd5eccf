namespace ReportDsl.Rendering.Templates;

/// <summary>Looks a template up in each source in turn: an author's folder first, then the bundled templates.</summary>
public sealed class LayeredTemplates : ITemplateSource
{
    private readonly ITemplateSource[] _sources;

    /// <summary>Creates a source that asks each source in order.</summary>
    public LayeredTemplates(params ITemplateSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
    }

    /// <inheritdoc />
    public string Description => string.Join(", ", _sources.Select(s => s.Description));

    /// <inheritdoc />
    public bool TryGet(string name, out TemplateFile template)
    {
        foreach (var source in _sources)
        {
            if (source.TryGet(name, out template))
            {
                return true;
            }
        }

        template = new TemplateFile(string.Empty, string.Empty);
        return false;
    }
}
