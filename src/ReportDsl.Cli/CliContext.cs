namespace ReportDsl.Cli;

/// <summary>Where a command writes: standard output for results, standard error for problems. Tests pass string writers.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    public static CliContext Console { get; } = new(System.Console.Out, System.Console.Error);
}
