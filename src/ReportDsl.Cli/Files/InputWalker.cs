namespace ReportDsl.Cli.Files;

/// <summary>One thing a batch processes: a file to read, or a coded problem with a path (which the batch reports and passes).</summary>
internal sealed record InputItem(string Path, PathProblem? Problem)
{
    public bool IsFile => Problem is null;
}

/// <summary>
/// Expands the paths of a batch (files and folders) into the files to read, in the order of their full paths within
/// each folder named, for a stable order. Nothing stops the walk: a missing path, an unreadable folder or file, a broken
/// link or a link loop becomes an item with its problem, and the rest is read. Each folder is read once and each file
/// counted once, however many links lead to it (folders and files are known by device and inode). The walk is lazy:
/// a batch of any size is processed while it is walked, holding one folder's entries per level, not every path.
/// </summary>
internal sealed class InputWalker(InputSet inputs, Func<string, bool> wanted, string lookedFor)
{
    private readonly HashSet<(ulong, ulong)> _files = [];
    private readonly HashSet<(ulong, ulong)> _folders = [];

    /// <summary>Walks the whole batch before returning it: for commands whose outputs are checked against every input first.</summary>
    public List<InputItem> Walk(IEnumerable<string> paths, CancellationToken interrupted = default) => [.. Enumerate(paths, interrupted)];

    /// <summary>Walks the batch as it is enumerated.</summary>
    public IEnumerable<InputItem> Enumerate(IEnumerable<string> paths, CancellationToken interrupted = default)
    {
        foreach (var path in paths)
        {
            if (Posix.Stat(path, followLinks: true, out var errno) is not { } status)
            {
                yield return new InputItem(path, Unreachable(path, errno));
                continue;
            }

            if (!status.IsDirectory)
            {
                // A file named on the command line is read whatever it is (a FIFO from <(...) too), once.
                if (_files.Add(status.Identity))
                {
                    inputs.Add(path, status);
                    yield return new InputItem(path, null);
                }

                continue;
            }

            if (_folders.Contains(status.Identity))
            {
                // The same folder named twice, or a folder inside one named before: read once.
                continue;
            }

            var found = false;
            foreach (var item in WalkFolder(path, status, [], interrupted))
            {
                found = true;
                yield return item;
            }

            if (!found)
            {
                yield return new InputItem(path, PathProblem.NoInputFiles(path, lookedFor));
            }
        }
    }

    private IEnumerable<InputItem> WalkFolder(string folder, FileStatus status, List<(ulong, ulong)> ancestors, CancellationToken interrupted)
    {
        if (!_folders.Add(status.Identity) || interrupted.IsCancellationRequested)
        {
            yield break;
        }

        ancestors.Add(status.Identity);
        var entries = ReadFolder(folder, ancestors, out var unreadable);
        if (unreadable is not null)
        {
            ancestors.RemoveAt(ancestors.Count - 1);
            yield return unreadable;
            yield break;
        }

        foreach (var entry in entries)
        {
            if (interrupted.IsCancellationRequested)
            {
                break;
            }

            if (entry.Folder is { } subfolder)
            {
                // A folder reached a second time (through a link to a sibling) was read the first time.
                foreach (var item in WalkFolder(entry.Path, subfolder, ancestors, interrupted))
                {
                    yield return item;
                }
            }
            else if (entry.File is not { } file)
            {
                yield return new InputItem(entry.Path, entry.Problem);
            }
            else if (_files.Add(file.Identity))
            {
                inputs.Add(entry.Path, file);
                yield return new InputItem(entry.Path, null);
            }
        }

        ancestors.RemoveAt(ancestors.Count - 1);
    }

    // One entry of a folder, examined: a folder to walk, a file to read, or a problem to report.
    private readonly record struct Entry(string Path, string Key, FileStatus? Folder, FileStatus? File, PathProblem? Problem);

    /// <summary>
    /// Reads and examines a folder's entries, sorted so that walking them depth first gives the order of the full paths:
    /// a folder sorts by its name and a slash, which is how every path inside it begins.
    /// </summary>
    private List<Entry> ReadFolder(string folder, List<(ulong, ulong)> ancestors, out InputItem? unreadable)
    {
        unreadable = null;
        List<string> names;
        try
        {
            names = [.. Directory.EnumerateFileSystemEntries(folder)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            unreadable = new InputItem(folder, PathProblem.FolderNotReadable(folder, Reasons.FromException(exception)));
            return [];
        }

        var entries = new List<Entry>(names.Count);
        foreach (var entry in names)
        {
            var own = Posix.Stat(entry, followLinks: false, out var errno);
            if (own is not { } entryStatus)
            {
                if (wanted(entry))
                {
                    entries.Add(new Entry(entry, entry, null, null, PathProblem.FileNotReadable(entry, Reasons.FromErrno(errno, $"errno {errno}"))));
                }

                continue;
            }

            if (entryStatus.IsSymbolicLink)
            {
                if (Posix.Stat(entry, followLinks: true, out errno) is not { } linked)
                {
                    if (wanted(entry))
                    {
                        entries.Add(new Entry(entry, entry, null, null, errno == Posix.ENOENT ? PathProblem.BrokenLink(entry, LinkText(entry)) : Unreachable(entry, errno)));
                    }

                    continue;
                }

                entryStatus = linked;
                if (linked.IsDirectory && ancestors.Contains(linked.Identity))
                {
                    entries.Add(new Entry(entry, entry, null, null, PathProblem.LinkLoop(entry, LinkText(entry))));
                    continue;
                }
            }

            if (entryStatus.IsDirectory)
            {
                entries.Add(new Entry(entry, entry + "/", entryStatus, null, null));
            }
            else if (!wanted(entry))
            {
                continue;
            }
            else if (!entryStatus.IsRegularFile)
            {
                // Reading a FIFO would wait for a writer forever, and a device has no end.
                entries.Add(new Entry(entry, entry, null, null, PathProblem.NotARegularFile(entry)));
            }
            else
            {
                entries.Add(new Entry(entry, entry, null, entryStatus, null));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries;
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
