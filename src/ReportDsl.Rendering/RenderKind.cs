namespace ReportDsl.Rendering;

/// <summary>The output kinds.</summary>
public enum RenderKind
{
    /// <summary>Markdown, with pipe tables and multi-row headers.</summary>
    Markdown,

    /// <summary>An HTML page with merged cells.</summary>
    Html,

    /// <summary>Plain text with tab-separated rows.</summary>
    Text,

    /// <summary>A Word document.</summary>
    Docx,
}
