namespace ReportDsl.Cli.Tests;

/// <summary>Runs the reportdsl command in process with its output captured.</summary>
internal static class CliRun
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(args, new CliContext(output, error));
        return (exit, output.ToString(), error.ToString());
    }
}
