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

    /// <summary>
    /// Gets the process's console. Redirected standard output is buffered: the console's own writer flushes at every
    /// write, a system call per finding and most of the CPU of writing a batch's text results. Standard error then
    /// flushes it before each message, so the two streams keep their order when they go to one file.
    /// </summary>
    public static CliContext Console
    {
        get
        {
            if (!System.Console.IsOutputRedirected)
            {
                return new(System.Console.Out, System.Console.Error) { IsConsole = true };
            }

            var output = new StreamWriter(System.Console.OpenStandardOutput(), System.Console.OutputEncoding, 1 << 16) { AutoFlush = false };
            return new(output, new FlushingWriter(System.Console.Error, output)) { IsConsole = true };
        }
    }
}
