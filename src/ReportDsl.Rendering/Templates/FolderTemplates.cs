namespace ReportDsl.Rendering.Templates;

/// <summary>
/// An author's folder of templates: <c>table.md</c> is <c>&lt;folder&gt;/table.md.sbn</c>. Only plain file names are
/// looked up, so an include can never reach outside the folder.
/// </summary>
public sealed class FolderTemplates : ITemplateSource
{
    private readonly string _folder;

    /// <summary>Creates a source over a folder.</summary>
    public FolderTemplates(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _folder = Path.GetFullPath(folder);
    }

    /// <inheritdoc />
    public string Description => _folder;

    /// <inheritdoc />
    public bool TryGet(string name, out TemplateFile template)
    {
        template = new TemplateFile(string.Empty, string.Empty);
        if (name.Length == 0 || name.IndexOfAny(['/', '\\', ':']) >= 0 || name.StartsWith('.') || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var path = Path.Combine(_folder, name + ".sbn");
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            template = new TemplateFile(path, File.ReadAllText(path).ReplaceLineEndings("\n"));
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
