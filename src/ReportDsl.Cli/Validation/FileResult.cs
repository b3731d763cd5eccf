using System.Collections.Immutable;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>What validating one input gave: the format used and how it was chosen, and the findings; or why it could not be read.</summary>
internal sealed record FileResult(string Path, string? Format, string? Version, string? Choice, ImmutableArray<Finding> Findings, bool Unreadable)
{
    public int Errors => Findings.Count(f => f.Severity == FindingSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning);
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
    }
}
