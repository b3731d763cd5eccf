using ReportDsl.Rendering.Templates;

namespace ReportDsl.Rendering.Tests.Infrastructure;

/// <summary>Templates held in memory, by name (<c>cell.md</c>), each at the path <c>&lt;name&gt;.sbn</c>.</summary>
internal sealed class InMemoryTemplates(params (string Name, string Text)[] templates) : ITemplateSource
{
    public string Description => "memory";

    public bool TryGet(string name, out TemplateFile template)
    {
        var found = templates.FirstOrDefault(t => t.Name == name);
        template = new TemplateFile(name + ".sbn", found.Text ?? string.Empty);
        return found.Text is not null;
    }
}
