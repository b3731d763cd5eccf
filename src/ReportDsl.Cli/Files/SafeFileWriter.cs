using System.Text;

namespace ReportDsl.Cli.Files;

/// <summary>
/// The one way the command line writes a file, so that no write loses data: it never replaces an input of the run,
/// writes the target of a link rather than replacing the link, keeps the file's mode and owner, refuses read-only
/// files, folders, devices and FIFOs, and replaces a file only by renaming a complete, flushed temporary file from
/// the same folder over it. Every refusal and failure is a coded <see cref="PathProblem"/>; the temporary file never
/// stays behind. See docs/cli.md.
/// </summary>
internal sealed class SafeFileWriter(InputSet inputs)
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Pending = new(StringComparer.Ordinal);

    /// <summary>The encoding of every text file written: UTF-8 without a byte order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a whole file; returns the problem, or null when it was written.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="contents">The text to write.</param>
    /// <param name="rewriting">The path of the input being rewritten in place (fmt), which may be replaced.</param>
    public PathProblem? Write(string path, string contents, string? rewriting = null)
    {
        using var file = Open(path, out var problem, rewriting);
        if (file is null)
        {
            return problem;
        }

        return file.Write(contents) ?? file.Commit();
    }

    /// <summary>Writes a whole binary file (a .docx); returns the problem, or null when it was written.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="contents">The bytes to write.</param>
    public PathProblem? Write(string path, ReadOnlySpan<byte> contents)
    {
        using var file = Open(path, out var problem);
        if (file is null)
        {
            return problem;
        }

        return file.Write(contents) ?? file.Commit();
    }

    /// <summary>
    /// Checks the target and opens a temporary file beside it; nothing is replaced until <see cref="OutputFile.Commit"/>.
    /// Returns null with the problem when the target may not or cannot be written.
    /// </summary>
    public OutputFile? Open(string path, out PathProblem? problem, string? rewriting = null)
    {
        problem = Check(path, rewriting, out var target, out var existing);
        if (problem is not null)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(target) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        lock (Gate)
        {
            Pending.Add(temporary);
        }

        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (existing is not null && !OperatingSystem.IsWindows())
            {
                // Until the mode is copied at the end, nobody but the owner may read what is being written.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var stream = new FileStream(temporary, options);
            problem = null;
            return new OutputFile(path, target, temporary, existing, stream);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Forget(temporary);
            problem = PathProblem.OutputFailed(path, Reasons.FromException(exception));
            return null;
        }
    }

    /// <summary>Deletes every temporary file still open: for a hard stop, so that none stays behind.</summary>
    public static void AbandonAll()
    {
        lock (Gate)
        {
            foreach (var temporary in Pending)
            {
                TryDelete(temporary);
            }

            Pending.Clear();
        }
    }

    /// <summary>Runs an action while no file is being renamed into place (a hard stop waits for a rename to finish).</summary>
    public static void WhileNoRename(Action action)
    {
        lock (Gate)
        {
            action();
        }
    }

    private PathProblem? Check(string path, string? rewriting, out string target, out FileStatus? existing)
    {
        target = Path.GetFullPath(path);
        existing = null;

        // A link is followed to the file it names (however many links), so the link stays and its target gets the text.
        if (Posix.Stat(target, followLinks: false, out _) is { IsSymbolicLink: true })
        {
            try
            {
                if (File.ResolveLinkTarget(target, returnFinalTarget: true) is { } final)
                {
                    target = Path.GetFullPath(final.FullName);
                }
            }
            catch (IOException exception)
            {
                return PathProblem.OutputFailed(path, Reasons.FromException(exception));
            }
        }

        var status = Posix.Stat(target, followLinks: false, out var errno);
        if (status is null && errno != Posix.ENOENT)
        {
            return errno == Posix.ENOTDIR
                ? PathProblem.OutputFolderMissing(path)
                : PathProblem.OutputFailed(path, Reasons.FromErrno(errno, $"errno {errno}"));
        }

        if (status is { } s)
        {
            if (s.IsDirectory)
            {
                return PathProblem.OutputIsFolder(path);
            }

            if (!s.IsRegularFile)
            {
                return PathProblem.OutputNotRegularFile(path);
            }
        }

        if (inputs.Find(target, status) is { } input && (rewriting is null || !SameFile(rewriting, target, status)))
        {
            return PathProblem.OutputIsInput(path, input);
        }

        if (status is { } file)
        {
            // access(2) says yes to root for any file; a file nobody may write is still read-only to us.
            var readOnly = Posix.IsRoot ? (file.Permissions & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0 : !Posix.CanWrite(target);
            if (readOnly)
            {
                return PathProblem.OutputReadOnly(path);
            }

            existing = file;
            return null;
        }

        var folder = Path.GetDirectoryName(target) ?? ".";
        if (Posix.Stat(folder, followLinks: true, out _) is not { IsDirectory: true })
        {
            return PathProblem.OutputFolderMissing(path);
        }

        return null;
    }

    private static bool SameFile(string rewriting, string target, FileStatus? status)
    {
        var original = Posix.Stat(rewriting, followLinks: true, out _);
        return status is { } s && original is { } o ? s.Identity == o.Identity : InputSet.RealPath(rewriting) == InputSet.RealPath(target);
    }

    private static void Forget(string temporary)
    {
        lock (Gate)
        {
            Pending.Remove(temporary);
        }

        TryDelete(temporary);
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the file's name starts with a dot and ends in .tmp, so it is easy to find.
        }
    }

    /// <summary>A file being written: text goes to a temporary file, which replaces the target only on commit.</summary>
    internal sealed class OutputFile : IDisposable
    {
        private readonly string _path;
        private readonly string _target;
        private readonly string _temporary;
        private readonly FileStatus? _existing;
        private readonly FileStream _stream;
        private bool _done;

        public OutputFile(string path, string target, string temporary, FileStatus? existing, FileStream stream)
        {
            _path = path;
            _target = target;
            _temporary = temporary;
            _existing = existing;
            _stream = stream;
            Writer = new GuardedWriter(new StreamWriter(stream, Utf8) { NewLine = "\n" }, exception => PathProblem.OutputFailed(path, Reasons.FromException(exception)));
        }

        /// <summary>Gets the writer of the temporary file; a failure to write surfaces as <see cref="OutputFailedException"/>.</summary>
        public TextWriter Writer { get; }

        /// <summary>Gets the status of the file this will replace (links followed), or null when it does not exist yet.</summary>
        public FileStatus? Existing => _existing;

        /// <summary>Writes text; returns the problem when it could not be written.</summary>
        public PathProblem? Write(string text)
        {
            try
            {
                Writer.Write(text);
                return null;
            }
            catch (OutputFailedException failure)
            {
                return failure.Problem;
            }
        }

        /// <summary>Writes bytes; returns the problem when they could not be written.</summary>
        public PathProblem? Write(ReadOnlySpan<byte> bytes)
        {
            try
            {
                Writer.Flush();
                _stream.Write(bytes);
                return null;
            }
            catch (OutputFailedException failure)
            {
                return failure.Problem;
            }
            catch (IOException exception)
            {
                return PathProblem.OutputFailed(_path, Reasons.FromException(exception));
            }
        }

        /// <summary>Flushes the text to disk, gives the temporary file the target's owner and mode, and renames it over the target.</summary>
        public PathProblem? Commit()
        {
            try
            {
                Writer.Flush();
                _stream.Flush(flushToDisk: true);
                if (_existing is { } original)
                {
                    // The owner first: changing it clears set-id bits, which the mode then restores.
                    if (Posix.Stat(_temporary, followLinks: false, out _) is { } written
                        && (written.Owner != original.Owner || written.Group != original.Group)
                        && Posix.ChangeOwner(_temporary, original.Owner, original.Group) != 0)
                    {
                        return PathProblem.OwnerNotKept(_path, original.Owner, original.Group);
                    }

                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(_stream.SafeFileHandle, original.Permissions);
                    }
                }

                _stream.Dispose();
                lock (Gate)
                {
                    File.Move(_temporary, _target, overwrite: true);
                    Pending.Remove(_temporary);
                    _done = true;
                }

                Posix.SyncFolder(Path.GetDirectoryName(_target) ?? ".");
                return null;
            }
            catch (OutputFailedException failure)
            {
                return failure.Problem;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return PathProblem.OutputFailed(_path, Reasons.FromException(exception));
            }
            finally
            {
                Dispose();
            }
        }

        /// <summary>Abandons the file unless it was committed: the temporary file is deleted and the target left as it was.</summary>
        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            try
            {
                _stream.Dispose();
            }
            catch (IOException)
            {
                // The text is being abandoned, so a failure to flush it does not matter.
            }

            Forget(_temporary);
        }
    }
}
