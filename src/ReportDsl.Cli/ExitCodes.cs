namespace ReportDsl.Cli;

/// <summary>The documented exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>No errors (warnings allowed).</summary>
    public const int Clean = 0;

    /// <summary>Errors were found in the input, or <c>fmt --check</c> found unformatted files.</summary>
    public const int Findings = 1;

    /// <summary>Usage error, an input that could not be read, or an output that could not be written.</summary>
    public const int UsageOrInput = 2;

    /// <summary>An internal error: an exception escaped, which is a bug.</summary>
    public const int InternalError = 3;

    /// <summary>Stopped by SIGINT or SIGTERM; the output written is complete for the files read.</summary>
    public const int Interrupted = 130;
}
