using Microsoft.Win32.SafeHandles;

namespace ReportDsl.Cli.Files;

/// <summary>Reads an input's bytes, from a file or from standard input ("-"); a failure is a coded problem, never an exception.</summary>
internal static class InputReader
{
    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes, so that a caller can tell a file over its limit without reading all of it.</summary>
    public static byte[]? Read(string path, CliContext context, long limit, out PathProblem? problem)
    {
        problem = null;
        try
        {
            if (path == "-")
            {
                using var input = context.OpenStandardInput();
                return ReadStream(input, limit);
            }

            // The common case, a regular file under the limit, is read into one right-sized array in four system
            // calls. Anything else (an empty or special file, one over the limit, one that changes while read) is
            // read from the same descriptor as a stream: a FIFO cannot be opened a second time.
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
                    return ReadStream(stream, limit);
                }

                context.Inputs.Add(path, opened);
                if (opened.IsRegularFile && size > 0 && size <= limit && Posix.ReadExactly(descriptor, size) is { } whole)
                {
                    return whole;
                }

                using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
                descriptor = -1;
                using var rest = new FileStream(handle, FileAccess.Read, 1);
                if (rest.CanSeek)
                {
                    rest.Position = 0;
                }

                return ReadStream(rest, limit);
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
