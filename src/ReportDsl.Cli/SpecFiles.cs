using ReportDsl.Text;

namespace ReportDsl.Cli;

/// <summary>Finds and reads spec files named on the command line: files, or folders searched for *.rdsl.</summary>
internal static class SpecFiles
{
    public const string Extension = ".rdsl";

    /// <summary>Expands folders into their .rdsl files, sorted for a stable order; reports paths that do not exist.</summary>
    public static List<string>? Expand(IEnumerable<string> paths, CliContext context)
    {
        var files = new List<string>();
        var ok = true;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                context.Error.WriteLine($"{path}: error: No such file or folder.");
                ok = false;
            }
        }

        return ok ? files : null;
    }

    /// <summary>Reads a file as UTF-8; the compiler reports bytes that are not. Returns null and says why when the file cannot be read.</summary>
    public static SourceText? Read(string path, CliContext context)
    {
        try
        {
            return SourceText.FromBytes(File.ReadAllBytes(path), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            context.Error.WriteLine($"{path}: error: Cannot read the file: {exception.Message}");
            return null;
        }
    }

    /// <summary>Replaces a file's contents atomically: a temporary file beside it, then a rename over it.</summary>
    public static void WriteAtomically(string path, string contents) =>
        WriteAtomically(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(contents));

    /// <summary>Writes bytes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, contents);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
