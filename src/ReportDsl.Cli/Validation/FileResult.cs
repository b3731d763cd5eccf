using System.Collections.Immutable;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>What validating one input gave: the format used and how it was chosen, and the findings; or why it could not be read.</summary>
internal sealed record FileResult(string Path, string? Format, string? Version, string? Choice, ImmutableArray<Finding> Findings, bool Unreadable)
{
    /// <summary>Gets how many findings were past --max-findings: counted, not listed.</summary>
    public int Omitted { get; init; }

    /// <summary>Gets how many of the omitted findings were errors.</summary>
    public int OmittedErrors { get; init; }

    public int Errors => Findings.Count(f => f.Severity == FindingSeverity.Error) + OmittedErrors;

    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning) + Omitted - OmittedErrors;
}

/// <summary>Totals over a run.</summary>
internal sealed class RunSummary
{
    private readonly Dictionary<string, int> _byCode = new(StringComparer.Ordinal);

    public int Files { get; private set; }

    public int Clean { get; private set; }

    public int WithErrors { get; private set; }

    public int WithWarningsOnly { get; private set; }

    public int Unreadable { get; private set; }

    /// <summary>Gets how many findings were counted but not listed, over all files.</summary>
    public long Omitted { get; private set; }

    public IReadOnlyDictionary<string, int> ByCode => _byCode;

    /// <summary>Gets or sets whether a signal stopped the run before every file was read.</summary>
    public bool Interrupted { get; set; }

    public void Add(FileResult result)
    {
        Files++;
        if (result.Unreadable)
        {
            Unreadable++;
        }
        else if (result.Errors > 0)
        {
            WithErrors++;
        }
        else if (result.Warnings > 0)
        {
            WithWarningsOnly++;
        }
        else
        {
            Clean++;
        }

        foreach (var finding in result.Findings)
        {
            _byCode[finding.Code] = _byCode.GetValueOrDefault(finding.Code) + 1;
        }

        Omitted += result.Omitted;
    }
}
