using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace ReportDsl.Cli.Files;

/// <summary>
/// An input's bytes. When lent, the array is the shared pool's and may be longer than the input; it goes back when
/// disposed, so nothing may keep the bytes (or data read from them) past that.
/// </summary>
internal readonly struct InputBytes(byte[] array, int length, bool lent) : IDisposable
{
    public ReadOnlyMemory<byte> Memory => array.AsMemory(0, length);

    public int Length => length;

    /// <summary>Gets the bytes as an array of their own: the array read into, unless it was lent or is longer.</summary>
    public byte[] ToArray() => !lent && array.Length == length ? array : array.AsSpan(0, length).ToArray();

    public void Dispose()
    {
        if (lent)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}

/// <summary>Reads an input's bytes, from a file or from standard input ("-"); a failure is a coded problem, never an exception.</summary>
internal static class InputReader
{
    // The largest file read into a lent array. The pool keeps what it gets back, a few arrays per size per core, so
    // lending the rare big document (up to 64 MB) would hold that much memory for the rest of the batch.
    private const long MostLent = 1024 * 1024;

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes, so that a caller can tell a file over its limit without reading all of it.</summary>
    public static byte[]? Read(string path, CliContext context, long limit, out PathProblem? problem) =>
        Read(path, context, limit, lend: false, out problem)?.ToArray();

    /// <summary>
    /// Reads like <see cref="Read(string, CliContext, long, out PathProblem?)"/>, into an array of the shared pool when
    /// the file is a regular one under the limit: a batch reads 100,000 files, and an array for each was nearly half
    /// of what it allocated. Dispose the result when nothing uses the bytes any more.
    /// </summary>
    public static InputBytes? Lend(string path, CliContext context, long limit, out PathProblem? problem) =>
        Read(path, context, limit, lend: true, out problem);

    private static InputBytes? Read(string path, CliContext context, long limit, bool lend, out PathProblem? problem)
    {
        problem = null;
        try
        {
            if (path == "-")
            {
                using var input = context.OpenStandardInput();
                return Whole(ReadStream(input, limit));
            }

            // The common case, a regular file under the limit, is read into one right-sized array in five system
            // calls (open, status, read, the read that finds the end, close). Anything else (an empty or special file,
            // one over the limit, one that changes while read) is read from the same descriptor as a stream: a FIFO
            // cannot be opened a second time.
            var descriptor = Posix.OpenForReading(path);
            try
            {
                var size = 0L;
                var status = descriptor < 0 ? null : Posix.Stat(descriptor, out size);
                if (status is not { IsDirectory: false } opened)
                {
                    // Opened the general way, so that what stops it (a folder too) is an exception that says why.
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                    context.Inputs.Add(path);
                    return Whole(ReadStream(stream, limit));
                }

                context.Inputs.Add(path, opened);
                if (opened.IsRegularFile && size > 0 && size <= limit)
                {
                    // Every byte is overwritten by the read, or the array is dropped.
                    lend &= size <= MostLent;
                    var array = lend ? ArrayPool<byte>.Shared.Rent((int)size) : GC.AllocateUninitializedArray<byte>((int)size);
                    if (Posix.ReadExactly(descriptor, array.AsSpan(0, (int)size)))
                    {
                        return new InputBytes(array, (int)size, lend);
                    }

                    if (lend)
                    {
                        ArrayPool<byte>.Shared.Return(array);
                    }
                }

                using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
                descriptor = -1;
                using var rest = new FileStream(handle, FileAccess.Read, 1);
                if (rest.CanSeek)
                {
                    rest.Position = 0;
                }

                return Whole(ReadStream(rest, limit));
            }
            finally
            {
                if (descriptor >= 0)
                {
                    Posix.CloseDescriptor(descriptor);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = exception is FileNotFoundException or DirectoryNotFoundException
                ? PathProblem.PathNotFound(path)
                : PathProblem.FileNotReadable(path, Reasons.FromException(exception));
            return null;
        }
    }

    private static InputBytes Whole(byte[] bytes) => new(bytes, bytes.Length, lent: false);

    private static byte[] ReadStream(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= limit)
        {
            var room = limit - buffer.Length;
            var read = stream.Read(chunk, 0, room >= chunk.Length ? chunk.Length : (int)room + 1);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
