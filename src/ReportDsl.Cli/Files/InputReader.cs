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

    // The common case, a regular file under the limit: one open, one right-sized array, no copy. Batches read 100,000
    // files, so a stream and a growing buffer per file showed in the figures (docs/benchmarks.md). Anything else (an
    // empty or special file, one over the limit, one that grows while read) is left to the stream, which handles all.
    private static byte[]? ReadRegular(string path, CliContext context, long limit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        context.Inputs.Add(path);
        var length = RandomAccess.GetLength(handle);
        if (length <= 0 || length > limit)
        {
            return null;
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var count and > 0)
        {
            read += count;
        }

        Span<byte> more = stackalloc byte[1];
        return read == bytes.Length && RandomAccess.Read(handle, more, read) == 0 ? bytes : null;
    }
}
