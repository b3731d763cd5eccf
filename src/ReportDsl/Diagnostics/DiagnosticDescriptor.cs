namespace ReportDsl.Diagnostics;

/// <summary>One entry of the diagnostic catalogue: a stable code, its severity and a short name for the condition.</summary>
/// <param name="Code">The stable code, <c>RD</c> and four digits. Never renumbered or reused.</param>
/// <param name="Severity">The severity.</param>
/// <param name="Name">A short name for the condition, such as <c>UnknownName</c>.</param>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Name)
{
    /// <summary>Gets the message template in a culture; <c>{0}</c>… are the diagnostic's arguments.</summary>
    public string GetMessageFormat(System.Globalization.CultureInfo culture) => DiagnosticMessages.Get(Code, culture);
}
