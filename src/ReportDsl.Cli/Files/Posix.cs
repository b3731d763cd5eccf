using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReportDsl.Cli.Files;

/// <summary>What stat(2) says about a path: identity, type, mode and owner.</summary>
internal readonly record struct FileStatus(ulong Device, ulong Inode, uint Mode, uint Owner, uint Group)
{
    private const uint TypeMask = 0xF000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;

    public bool IsSymbolicLink => (Mode & TypeMask) == 0xA000;

    /// <summary>Gets the permission bits (with set-id and sticky bits), without the file type.</summary>
    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    public (ulong, ulong) Identity => (Device, Inode);
}

/// <summary>
/// The few libc calls .NET does not expose: statx (device and inode, the same layout on every architecture),
/// chown, faccessat with the effective user, fsync of a folder, and a whole small file read without .NET's per-file
/// lock and status calls.
/// </summary>
internal static partial class Posix
{
    public const int ENOENT = 2;
    public const int EIO = 5;
    public const int EACCES = 13;
    public const int EPERM = 1;
    public const int ENOTDIR = 20;
    public const int ENOSPC = 28;
    public const int EROFS = 30;
    public const int EPIPE = 32;
    public const int ELOOP = 40;
    public const int EDQUOT = 122;

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEffectiveAccess = 0x200;
    private const int AtEmptyPath = 0x1000;
    private const int ReadOnlyCloseOnExec = 0x80000;
    private const int EINTR = 4;
    private const uint StatxBasicStats = 0x7FF;
    private const int WriteAccess = 2;

    /// <summary>Gets the status of a path, following a final symbolic link or not; the errno on failure.</summary>
    public static FileStatus? Stat(string path, bool followLinks, out int errno)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (Statx(AtCurrentDirectory, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return StatusOf(buffer);
    }

    /// <summary>
    /// Opens a file for reading with one system call (.NET's file handles add a lock, an advice and two status calls to
    /// each, and a batch reads 100,000 files); -1 when it cannot be opened, the caller then finds out why the general
    /// way. The descriptor is closed with <see cref="CloseDescriptor"/> or given to a <see cref="SafeFileHandle"/>.
    /// </summary>
    public static int OpenForReading(string path) => Open(path, ReadOnlyCloseOnExec);

    public static void CloseDescriptor(int descriptor) => _ = Close(descriptor);

    /// <summary>Gets the status of an open file and its size in bytes; null when the call fails.</summary>
    public static FileStatus? Stat(int descriptor, out long size)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (Statx(descriptor, string.Empty, AtEmptyPath, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            size = 0;
            return null;
        }

        size = BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]);
        return StatusOf(buffer);
    }

    /// <summary>
    /// Fills <paramref name="into"/> from the file's current position and makes sure the file ends there; false when it
    /// is shorter or longer (it changed while read) or a read fails.
    /// </summary>
    public static bool ReadExactly(int descriptor, Span<byte> into)
    {
        var read = 0;
        while (read < into.Length && ReadSome(descriptor, into[read..]) is var count and > 0)
        {
            read += (int)count;
        }

        Span<byte> more = stackalloc byte[1];
        return read == into.Length && ReadSome(descriptor, more) == 0;
    }

    private static nint ReadSome(int descriptor, Span<byte> into)
    {
        while (true)
        {
            var count = Read(descriptor, ref MemoryMarshal.GetReference(into), into.Length);
            if (count >= 0 || Marshal.GetLastPInvokeError() != EINTR)
            {
                return count;
            }
        }
    }

    private static FileStatus StatusOf(ReadOnlySpan<byte> buffer)
    {
        // struct statx: uid at 20, gid at 24, mode (16 bits) at 28, inode at 32, size at 40, device major and minor at 136 and 140.
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer[140..]);
        return new FileStatus(
            device,
            BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]),
            BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[20..]),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[24..]));
    }

    /// <summary>Gets whether the effective user may write the file (access(2) with AT_EACCESS).</summary>
    public static bool CanWrite(string path) => FAccessAt(AtCurrentDirectory, path, WriteAccess, AtEffectiveAccess) == 0;

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Changes a file's owner and group; the errno on failure, 0 on success.</summary>
    public static int ChangeOwner(string path, uint owner, uint group) =>
        Chown(path, owner, group) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Flushes a folder's entries to disk, so that a rename inside it survives a crash. Best effort.</summary>
    public static void SyncFolder(string folder)
    {
        var descriptor = Open(folder, 0);
        if (descriptor >= 0)
        {
            _ = FSync(descriptor);
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "faccessat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int FAccessAt(int directory, string path, int mode, int flags);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int descriptor, ref byte buffer, nint count);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
