using ReportDsl.Cli.Files;
using ReportDsl.Cli.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// The input reader's short way (a regular file in five system calls) and the general way it leaves everything else
/// to: both give the bytes, and every file read is known by identity, so no output can replace it.
/// </summary>
public sealed class InputReaderTests : IDisposable
{
    private readonly string _folder = CliProcess.CreateFolder("reportdsl-read-");

    public void Dispose() => CliProcess.DeleteFolder(_folder);

    [Theory]
    [InlineData(1)]
    [InlineData(10_820)]
    [InlineData(200_000)]
    public void A_regular_file_is_read_whole_and_known_by_identity(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        var path = Write("a.json", bytes);
        var context = new CliContext(new StringWriter(), new StringWriter());

        InputReader.Read(path, context, 1_000_000, out var problem).ShouldBe(bytes);

        problem.ShouldBeNull();
        var hardLink = Path.Combine(_folder, "b.json");
        Shell("ln", path, hardLink);
        context.Inputs.Find(hardLink, Posix.Stat(hardLink, followLinks: true, out _)).ShouldBe(path, "another name of the same file is the same input");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_820)]
    [InlineData(5_000)]
    public void A_lent_read_gives_the_same_bytes_and_an_array_of_their_own_when_asked(int size)
    {
        // A batch borrows each file's array from the pool (it may be longer than the file) and gives it back.
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 13)).ToArray();
        var path = Write("lent.json", bytes);
        var context = new CliContext(new StringWriter(), new StringWriter());

        using var lent = InputReader.Lend(path, context, 1_000_000, out var problem).ShouldNotBeNull();

        problem.ShouldBeNull();
        lent.Length.ShouldBe(size);
        lent.Memory.ToArray().ShouldBe(bytes);
        lent.ToArray().ShouldBe(bytes);
    }

    [Theory]
    [InlineData(10_820, false)]
    [InlineData(2_000_000, true)]
    public void Only_a_file_up_to_a_megabyte_is_read_into_a_lent_array(int size, bool ownArray)
    {
        // The pool keeps the arrays it gets back; a big document read into one would stay in memory for the batch.
        var path = Write("sized.json", new byte[size]);
        var context = new CliContext(new StringWriter(), new StringWriter());

        using var read = InputReader.Lend(path, context, 64 * 1024 * 1024, out _).ShouldNotBeNull();

        // An array of its own is handed out as it is; a lent one is copied, so each call gives a new array.
        ReferenceEquals(read.ToArray(), read.ToArray()).ShouldBe(ownArray);
    }

    [Fact]
    public void An_empty_file_is_read_as_empty()
    {
        var context = new CliContext(new StringWriter(), new StringWriter());

        InputReader.Read(Write("empty.json", []), context, 1_000, out var problem).ShouldBe([]);

        problem.ShouldBeNull();
    }

    [Fact]
    public void A_file_over_the_limit_gives_the_limit_and_one_byte_more()
    {
        var context = new CliContext(new StringWriter(), new StringWriter());

        InputReader.Read(Write("big.json", new byte[5_000]), context, 1_000, out var problem)!.Length.ShouldBe(1_001);

        problem.ShouldBeNull();
    }

    [Fact]
    public async Task A_fifo_named_as_an_input_is_read_to_its_end()
    {
        var fifo = Path.Combine(_folder, "pipe.json");
        Shell("mkfifo", fifo);
        var writer = Task.Run(() => File.WriteAllBytes(fifo, "{\"a\": 1}"u8.ToArray()));
        var context = new CliContext(new StringWriter(), new StringWriter());

        // The short way opens it, sees a FIFO, and leaves it to the stream: the one writer's bytes arrive whole.
        var read = InputReader.Read(fifo, context, 1_000, out var problem);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        problem.ShouldBeNull();
        read.ShouldBe("{\"a\": 1}"u8.ToArray());
    }

    [Fact]
    public async Task Validate_reads_a_fifo_named_on_the_command_line()
    {
        // docs/cli.md: a FIFO inside a folder is skipped, one named on the command line is read. It was refused as
        // unreadable ("Stream does not support seeking") until the reader kept to the descriptor it opened.
        var fifo = Path.Combine(_folder, "report.json");
        Shell("mkfifo", fifo);
        var example = Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Templates, "examples", "2021-valid.json");
        var writer = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(example)));

        var (exit, output, error) = CliRun.Run("validate", fifo, "--lang", "en");
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        (exit, error).ShouldBe((0, string.Empty), output);
        output.ShouldContain("1 file(s): 1 clean");
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var context = new CliContext(new StringWriter(), new StringWriter());

        InputReader.Read(Path.Combine(_folder, "none.json"), context, 1_000, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("none.json");
    }

    private static void Shell(string command, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(command, args);
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, command);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
