using System.Collections.Immutable;

namespace ReportDsl.Validation;

/// <summary>
/// Collects a report's findings up to a cap and only counts the rest, so that a file with a million problems costs
/// counting, not a million findings with labels and locations. Callers ask <see cref="Wants(FindingSeverity)"/> before they build one.
/// </summary>
internal sealed class FindingCollector(int max)
{
    private readonly ImmutableArray<Finding>.Builder _findings = ImmutableArray.CreateBuilder<Finding>();

    public int Count => _findings.Count;

    /// <summary>Gets how many findings were past the cap.</summary>
    public int Omitted { get; private set; }

    /// <summary>Gets how many of the omitted findings were errors.</summary>
    public int OmittedErrors { get; private set; }

    /// <summary>Whether a finding of this severity should be built; when the cap is reached it is counted instead.</summary>
    public bool Wants(FindingSeverity severity)
    {
        if (_findings.Count < max)
        {
            return true;
        }

        Omitted++;
        if (severity == FindingSeverity.Error)
        {
            OmittedErrors++;
        }

        return false;
    }

    /// <inheritdoc cref="Wants(FindingSeverity)"/>
    public bool Wants(Diagnostics.DiagnosticDescriptor descriptor) => Wants(SeverityOf(descriptor));

    /// <summary>The severity of a finding with this code.</summary>
    public static FindingSeverity SeverityOf(Diagnostics.DiagnosticDescriptor descriptor) =>
        descriptor.Severity == Diagnostics.DiagnosticSeverity.Error ? FindingSeverity.Error : FindingSeverity.Warning;

    public void Add(Finding finding) => _findings.Add(finding);

    /// <summary>Adds findings built elsewhere, counting those past the cap.</summary>
    public void AddRange(ImmutableArray<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (Wants(finding.Severity))
            {
                _findings.Add(finding);
            }
        }
    }

    /// <summary>Adds counts of findings another collector already left out.</summary>
    public void AddOmitted(int omitted, int omittedErrors)
    {
        Omitted += omitted;
        OmittedErrors += omittedErrors;
    }

    public ImmutableArray<Finding> ToImmutable() => _findings.ToImmutable();
}
