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

    /// <summary>
    /// Compiles spec files with the bundled formats as references, so that a spec may extend or revise a bundled
    /// format without naming its file. A bundled file that is also given is compiled once, as given.
    /// </summary>
    public static Compilation Compile(IReadOnlyList<SourceText> sources)
    {
        var given = sources.Select(s => Path.GetFullPath(s.Path)).ToHashSet(StringComparer.Ordinal);
        var references = new List<Syntax.SyntaxTree>();
        var bundled = Validation.SpecCatalog.BundledFolder;
        if (Directory.Exists(bundled))
        {
            foreach (var file in Directory.EnumerateFiles(bundled, "*" + Extension).Order(StringComparer.Ordinal).Where(f => !given.Contains(Path.GetFullPath(f))))
            {
                try
                {
                    references.Add(Syntax.SyntaxTree.Parse(SourceText.FromBytes(File.ReadAllBytes(file), file)));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // A bundled file that cannot be read only means one format fewer to extend.
                }
            }
        }

        return Compilation.Create(sources.Select(Syntax.SyntaxTree.Parse), references);
    }

    /// <summary>Replaces a file's contents atomically: a temporary file beside it, then a rename over it.</summary>
    public static void WriteAtomically(string path, string contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, contents, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
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
