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
            if (path != "-" && ReadRegular(path, context, limit) is { } whole)
            {
                return whole;
            }

            using var stream = path == "-" ? context.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (path != "-")
            {
                context.Inputs.Add(path);
            }

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
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = exception is FileNotFoundException or DirectoryNotFoundException
                ? PathProblem.PathNotFound(path)
                : PathProblem.FileNotReadable(path, Reasons.FromException(exception));
            return null;
        }
    }

    // The common case, a regular file under the limit: one open, one right-sized array, no copy, no stream. Anything
    // else (an empty or special file, one over the limit, one that grows while read, one that cannot be opened) is
    // left to the stream, which handles all and says what went wrong.
    private static byte[]? ReadRegular(string path, CliContext context, long limit)
    {
        var bytes = Posix.ReadRegularFile(path, limit, out var status);
        if (status is { } opened)
        {
            context.Inputs.Add(path, opened);
        }

        return bytes;
    }
}
