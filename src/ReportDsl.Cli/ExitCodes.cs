namespace ReportDsl.Cli;

/// <summary>The documented exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>No errors (warnings allowed).</summary>
    public const int Clean = 0;

    /// <summary>Errors were found in the input, or <c>fmt --check</c> found unformatted files.</summary>
    public const int Findings = 1;

    /// <summary>Usage error, or an input that could not be read.</summary>
    public const int UsageOrInput = 2;
}
