using System.Text;

namespace ReportDsl.Cli.Files;

/// <summary>
/// Standard error beside a buffered standard output: flushes the output before each write, so that a message follows
/// the results written before it when both streams go to one place (<c>2&gt;&amp;1</c>).
/// </summary>
internal sealed class FlushingWriter(TextWriter inner, TextWriter before) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Before();
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        Before();
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Before();
        inner.Write(buffer, index, count);
    }

    public override void WriteLine(string? value)
    {
        Before();
        inner.WriteLine(value);
    }

    public override void Flush() => inner.Flush();

    // A failing standard output is reported when the command writes to it; a message on standard error still goes out.
    private void Before()
    {
        try
        {
            before.Flush();
        }
        catch (IOException)
        {
        }
    }
}
