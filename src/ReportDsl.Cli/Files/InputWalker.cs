namespace ReportDsl.Cli.Files;

/// <summary>One thing a batch processes: a file to read, or a coded problem with a path (which the batch reports and passes).</summary>
internal sealed record InputItem(string Path, PathProblem? Problem)
{
    public bool IsFile => Problem is null;
}

/// <summary>
/// Expands the paths of a batch (files and folders) into the files to read, sorted within each folder for a stable
/// order. Nothing stops the walk: a missing path, an unreadable folder or file, a broken link or a link loop becomes
/// an item with its problem, and the rest is read. Each folder is read once and each file counted once, however many
/// links lead to it (folders and files are known by device and inode).
/// </summary>
internal sealed class InputWalker(InputSet inputs, Func<string, bool> wanted, string lookedFor)
{
    private readonly HashSet<(ulong, ulong)> _files = [];
    private readonly HashSet<(ulong, ulong)> _folders = [];

    public List<InputItem> Walk(IEnumerable<string> paths, CancellationToken interrupted = default)
    {
        var items = new List<InputItem>();
        foreach (var path in paths)
        {
            if (Posix.Stat(path, followLinks: true, out var errno) is not { } status)
            {
                items.Add(new InputItem(path, Unreachable(path, errno)));
                continue;
            }

            if (!status.IsDirectory)
            {
                // A file named on the command line is read whatever it is (a FIFO from <(...) too), once.
                if (_files.Add(status.Identity))
                {
                    inputs.Add(path, status);
                    items.Add(new InputItem(path, null));
                }

                continue;
            }

            if (_folders.Contains(status.Identity))
            {
                // The same folder named twice, or a folder inside one named before: read once.
                continue;
            }

            var found = new List<InputItem>();
            WalkFolder(path, status, [], found, interrupted);
            if (found.Count == 0)
            {
                found.Add(new InputItem(path, PathProblem.NoInputFiles(path, lookedFor)));
            }

            items.AddRange(found.OrderBy(i => i.Path, StringComparer.Ordinal));
        }

        return items;
    }

    private void WalkFolder(string folder, FileStatus status, List<(ulong, ulong)> ancestors, List<InputItem> found, CancellationToken interrupted)
    {
        if (!_folders.Add(status.Identity) || interrupted.IsCancellationRequested)
        {
            return;
        }

        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(folder)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            found.Add(new InputItem(folder, PathProblem.FolderNotReadable(folder, Reasons.FromException(exception))));
            return;
        }

        ancestors.Add(status.Identity);
        foreach (var entry in entries)
        {
            var own = Posix.Stat(entry, followLinks: false, out var errno);
            if (own is not { } entryStatus)
            {
                if (wanted(entry))
                {
                    found.Add(new InputItem(entry, PathProblem.FileNotReadable(entry, Reasons.FromErrno(errno, $"errno {errno}"))));
                }

                continue;
            }

            if (entryStatus.IsSymbolicLink)
            {
                if (Posix.Stat(entry, followLinks: true, out errno) is not { } linked)
                {
                    if (wanted(entry))
                    {
                        found.Add(new InputItem(entry, errno == Posix.ENOENT ? PathProblem.BrokenLink(entry, LinkText(entry)) : Unreachable(entry, errno)));
                    }

                    continue;
                }

                entryStatus = linked;
                if (linked.IsDirectory && ancestors.Contains(linked.Identity))
                {
                    found.Add(new InputItem(entry, PathProblem.LinkLoop(entry, LinkText(entry))));
                    continue;
                }
            }

            if (entryStatus.IsDirectory)
            {
                // A folder reached a second time (through a link to a sibling) was read the first time.
                WalkFolder(entry, entryStatus, ancestors, found, interrupted);
            }
            else if (!wanted(entry))
            {
                continue;
            }
            else if (!entryStatus.IsRegularFile)
            {
                // Reading a FIFO would wait for a writer forever, and a device has no end.
                found.Add(new InputItem(entry, PathProblem.NotARegularFile(entry)));
            }
            else if (_files.Add(entryStatus.Identity))
            {
                inputs.Add(entry, entryStatus);
                found.Add(new InputItem(entry, null));
            }
        }

        ancestors.RemoveAt(ancestors.Count - 1);
    }

    private static PathProblem Unreachable(string path, int errno) =>
        errno == Posix.ENOENT && Posix.Stat(path, followLinks: false, out _) is { IsSymbolicLink: true }
            ? PathProblem.BrokenLink(path, LinkText(path))
            : errno == Posix.ENOENT ? PathProblem.PathNotFound(path)
            : PathProblem.FileNotReadable(path, Reasons.FromErrno(errno, $"errno {errno}"));

    private static string LinkText(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget ?? path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
