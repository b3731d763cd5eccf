using System.Text;

namespace ReportDsl.Cli.Files;

/// <summary>An output that could not be written (a full disk, a closed pipe): carries the coded problem to report.</summary>
internal sealed class OutputFailedException(PathProblem problem, Exception inner) : IOException(problem.ToString(), inner)
{
    public PathProblem Problem { get; } = problem;
}

/// <summary>
/// A writer whose I/O failures become <see cref="OutputFailedException"/>, so that the command line can tell a failing
/// output (exit 2, a coded message) from a bug (exit 3).
/// </summary>
internal sealed class GuardedWriter(TextWriter inner, Func<Exception, PathProblem> describe) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var copy = buffer.ToString();
        Guard(() => inner.Write(copy));
    }

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException and not OutputFailedException)
        {
            throw new OutputFailedException(describe(exception), exception);
        }
    }
}
