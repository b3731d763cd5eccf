using ReportDsl.Cli.Files;

namespace ReportDsl.Cli;

/// <summary>
/// What a run reads and writes: standard output for results, standard error for problems, standard input for "-";
/// the inputs it has read (which no output may replace); the signal that asks it to stop. Tests pass string writers.
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>Gets whether the writers are the process's console (for colour and progress).</summary>
    public bool IsConsole { get; init; }

    /// <summary>Gets standard input, opened when "-" is read.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = System.Console.OpenStandardInput;

    /// <summary>Gets the token a SIGINT or SIGTERM cancels: batches stop after the current file.</summary>
    public CancellationToken Interrupted { get; init; }

    /// <summary>Gets whether an internal error shows its stack trace (REPORTDSL_DEBUG=1).</summary>
    public bool Debug { get; init; }

    /// <summary>Gets the files this run reads.</summary>
    public InputSet Inputs { get; init; } = new();

    /// <summary>Gets the writer of every file this run writes.</summary>
    public SafeFileWriter Files => new(Inputs);

    public static CliContext Console => new(System.Console.Out, System.Console.Error) { IsConsole = true };
}
