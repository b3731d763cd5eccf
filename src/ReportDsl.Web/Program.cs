using System.Reflection;
using ReportDsl.Text;

namespace ReportDsl.Web;

/// <summary>Runs the validation service on its own, with the bundled formats (<c>reportdsl serve</c> is the usual way to start it).</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Starts the service with the bundled formats and blocks until it is stopped.</summary>
    public static void Main(string[] args) => ValidationServer.Build(args, BundledFormats(), specPath: null).Run();

    /// <summary>Compiles the formats embedded in this assembly (the same files the reportdsl tool bundles).</summary>
    public static Compilation BundledFormats()
    {
        var assembly = typeof(Program).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("formats/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => SourceText.FromBytes(Read(assembly, n), n))
            .ToArray();
        return Compilation.Create(sources);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource {name} is listed but cannot be opened.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
