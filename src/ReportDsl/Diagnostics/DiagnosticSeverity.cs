namespace ReportDsl.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Information; changes nothing.</summary>
    Info,

    /// <summary>Something that is probably wrong; output is still produced.</summary>
    Warning,

    /// <summary>Something that is wrong; no output is produced.</summary>
    Error,
}
