using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Text;

namespace ReportDsl.Diagnostics;

/// <summary>A problem found in a source file: a catalogued code, a severity, a translated message, and the exact span.</summary>
public sealed class Diagnostic : IComparable<Diagnostic>
{
    internal Diagnostic(DiagnosticDescriptor descriptor, SourceText? source, TextSpan span, ImmutableArray<object> arguments)
    {
        Descriptor = descriptor;
        Source = source;
        Span = span;
        Arguments = arguments;
    }

    /// <summary>Gets the catalogue entry.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Gets the stable code, such as <c>RD2003</c>.</summary>
    public string Code => Descriptor.Code;

    /// <summary>Gets the severity.</summary>
    public DiagnosticSeverity Severity => Descriptor.Severity;

    /// <summary>Gets the source the span refers to; null for a diagnostic about no file in particular.</summary>
    public SourceText? Source { get; }

    /// <summary>Gets the path of the source, as the host gave it.</summary>
    public string Path => Source?.Path ?? string.Empty;

    /// <summary>Gets the 0-based span of the problem.</summary>
    public TextSpan Span { get; }

    /// <summary>Gets the values that fill the message template.</summary>
    public ImmutableArray<object> Arguments { get; }

    /// <summary>Gets the 1-based line and column where the problem starts.</summary>
    public LinePosition Start => Source?.GetLinePosition(Span.Start) ?? new LinePosition(1, 1);

    /// <summary>Gets the 1-based line and column where the problem ends.</summary>
    public LinePosition End => Source?.GetLinePosition(Span.End) ?? new LinePosition(1, 1);

    /// <summary>Gets the message in the current UI culture.</summary>
    public string Message => GetMessage(CultureInfo.CurrentUICulture);

    /// <summary>Gets the message in a culture (English, or Simplified Chinese for zh cultures).</summary>
    public string GetMessage(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var arguments = LocalizableText.Localize(Arguments, culture);
        return string.Format(culture, Descriptor.GetMessageFormat(culture), arguments);
    }

    /// <summary>Formats the diagnostic the way MSBuild does, which editors and CI systems parse: <c>path(line,col): error RD1234: message</c>.</summary>
    public string ToString(CultureInfo culture)
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{Path}({Start.Line},{Start.Column}): {severity} {Code}: {GetMessage(culture)}";
    }

    /// <inheritdoc />
    public override string ToString() => ToString(CultureInfo.CurrentUICulture);

    /// <summary>Orders diagnostics by path, position, length, code, then message.</summary>
    public int CompareTo(Diagnostic? other)
    {
        if (other is null)
        {
            return 1;
        }

        var result = string.CompareOrdinal(Path, other.Path);
        if (result == 0)
        {
            result = Span.CompareTo(other.Span);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(Code, other.Code);
        }

        return result != 0 ? result : string.CompareOrdinal(GetMessage(CultureInfo.InvariantCulture), other.GetMessage(CultureInfo.InvariantCulture));
    }
}
