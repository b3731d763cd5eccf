namespace ReportDsl.Cli.Files;

/// <summary>
/// The files a run reads, by device and inode (or, for a path that could not be examined, by full path with links
/// resolved), so that no output replaces one of them however it is spelled (a relative path, a link, a hard link).
/// </summary>
internal sealed class InputSet
{
    private readonly Dictionary<(ulong, ulong), string> _byIdentity = [];
    private readonly Dictionary<string, string> _byPath = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private (ulong, ulong)? _watched;
    private bool _keepsWalked = true;

    /// <summary>
    /// Records an input that was found by status (a folder walk already has it). Only its identity is kept: a target
    /// that exists is compared by identity, and one that does not exist cannot be this input, so a batch of 100,000
    /// files keeps no full path of each (memory stays flat; resolving links for each would cost more than reading).
    /// </summary>
    public void Add(string path, FileStatus status)
    {
        lock (_gate)
        {
            if (_keepsWalked)
            {
                _byIdentity.TryAdd(status.Identity, path);
            }
            else if (status.Identity == _watched)
            {
                Conflict ??= path;
            }
        }
    }

    /// <summary>
    /// For a run whose one output is opened before its inputs are walked (validate streams a batch of any size):
    /// from now on inputs are not kept but compared with that output as they are found. The first input that is the
    /// output (null when the output does not exist yet, which no input can be) is <see cref="Conflict"/>.
    /// </summary>
    public void WatchFor(FileStatus? output)
    {
        lock (_gate)
        {
            _keepsWalked = false;
            _watched = output?.Identity;
            if (_watched is { } identity && _byIdentity.TryGetValue(identity, out var input))
            {
                Conflict ??= input;
            }
        }
    }

    /// <summary>Gets the input, as the user named it, that is the watched output; null while there is none.</summary>
    public string? Conflict { get; private set; }

    /// <summary>Records an input by its path; a path that cannot be examined is still compared by name.</summary>
    public void Add(string path)
    {
        if (path == "-")
        {
            return;
        }

        if (Posix.Stat(path, followLinks: true, out _) is { } status)
        {
            Add(path, status);
            return;
        }

        lock (_gate)
        {
            _byPath.TryAdd(RealPath(path), path);
        }
    }

    /// <summary>Gets the input a target would overwrite, as the user named it, or null.</summary>
    public string? Find(string target, FileStatus? status)
    {
        lock (_gate)
        {
            if (status is { } s && _byIdentity.TryGetValue(s.Identity, out var input))
            {
                return input;
            }

            return _byPath.GetValueOrDefault(Path.GetFullPath(target)) ?? _byPath.GetValueOrDefault(RealPath(target));
        }
    }

    /// <summary>Gets the full path with every link along it resolved, as far as the path exists.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var existing = full;
            var rest = new Stack<string>();
            while (!Path.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                rest.Push(Path.GetFileName(existing));
                existing = parent;
            }

            var resolved = ResolveAll(existing);
            while (rest.Count > 0)
            {
                resolved = Path.Combine(resolved, rest.Pop());
            }

            return resolved;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    private static string ResolveAll(string path)
    {
        // Resolve from the root down, so a link in a folder's name is resolved as well as one at the end.
        var root = Path.GetPathRoot(path) ?? "/";
        var current = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (File.ResolveLinkTarget(current, returnFinalTarget: true) is { } target)
            {
                current = Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }
}
