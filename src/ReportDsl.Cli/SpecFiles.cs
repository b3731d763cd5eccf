using ReportDsl.Cli.Files;
using ReportDsl.Text;

namespace ReportDsl.Cli;

/// <summary>Finds and reads spec files named on the command line: files, folders searched for *.rdsl, or "-" for standard input.</summary>
internal static class SpecFiles
{
    public const string Extension = ".rdsl";

    /// <summary>Expands folders into their .rdsl files, sorted for a stable order; problems with paths are items too.</summary>
    public static List<InputItem> Expand(IReadOnlyList<string> paths, CliContext context)
    {
        if (paths is ["-"])
        {
            return [new InputItem("-", null)];
        }

        var walker = new InputWalker(context.Inputs, p => p.EndsWith(Extension, StringComparison.Ordinal), Messages.Get("Spec_Files"));
        return [.. walker.Walk(paths.Where(p => p != "-"), context.Interrupted)
            .Concat(paths.Contains("-") ? [new InputItem("-", PathProblem.StandardInputNotAlone())] : [])];
    }

    /// <summary>Reads a file (or standard input) as UTF-8; the compiler reports bytes that are not. Null with the problem when it cannot be read.</summary>
    public static SourceText? Read(string path, CliContext context, out PathProblem? problem)
    {
        var bytes = InputReader.Read(path, context, long.MaxValue, out problem);
        return bytes is null ? null : SourceText.FromBytes(bytes, path);
    }

    /// <summary>
    /// Compiles spec files with the bundled formats as references, so that a spec may extend or revise a bundled
    /// format without naming its file. A bundled file that is also given is compiled once, as given.
    /// </summary>
    public static Compilation Compile(IReadOnlyList<SourceText> sources) => Compile(sources, []);

    /// <summary>
    /// Compiles spec files with further references (specs the command was given for another purpose, such as the specs
    /// of the data being migrated) before the bundled formats; a reference that is also given is compiled once, as given.
    /// </summary>
    public static Compilation Compile(IReadOnlyList<SourceText> sources, IReadOnlyList<Syntax.SyntaxTree> extra)
    {
        var given = sources.Select(s => Path.GetFullPath(s.Path)).ToHashSet(StringComparer.Ordinal);
        var references = extra.Where(t => given.Add(Path.GetFullPath(t.Text.Path))).ToList();
        var bundled = Validation.SpecCatalog.BundledFolder;
        if (Directory.Exists(bundled))
        {
            foreach (var file in Directory.EnumerateFiles(bundled, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Where(f => !given.Contains(Path.GetFullPath(f))))
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
}
