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

    public override void Write(char value) => Guard(value, static (w, v) => w.Write(v));

    public override void Write(string? value) => Guard(value, static (w, v) => w.Write(v));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    // A span cannot be passed through a delegate's type argument: the one write guarded by hand.
    public override void Write(ReadOnlySpan<char> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException exception) when (exception is not OutputFailedException)
        {
            throw Failed(exception);
        }
    }

    public override void WriteLine(string? value) => Guard(value, static (w, v) => w.WriteLine(v));

    public override void WriteLine() => WriteLine(string.Empty);

    public override void Flush() => Guard(0, static (w, _) => w.Flush());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Static writes with their argument passed along: no closure is allocated per write.
    private void Guard<T>(T value, Action<TextWriter, T> write)
    {
        try
        {
            write(inner, value);
        }
        catch (IOException exception) when (exception is not OutputFailedException)
        {
            throw Failed(exception);
        }
    }

    private OutputFailedException Failed(IOException exception) => new(describe(exception), exception);
}
