using System.Xml.Linq;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Tests.Packaging;

/// <summary>
/// Every project under src/ is a NuGet package (src/Directory.Build.props): each needs the readme its package shows and,
/// unless nobody compiles against it, the files that track its public API.
/// </summary>
public sealed class PackageGuardTests
{
    public static TheoryData<string> Projects() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "src")).Where(d => Directory.EnumerateFiles(d, "*.csproj").Any()).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_package_has_a_readme_and_a_tracked_public_api(string project)
    {
        var folder = Path.Combine(RepoPaths.Root, "src", project);
        File.Exists(Path.Combine(folder, "README.md")).ShouldBeTrue($"{project} needs a README.md: it is the package's readme");

        var file = XDocument.Load(Directory.EnumerateFiles(folder, "*.csproj").Single());
        var tracked = file.Descendants("TrackPublicApi").All(e => e.Value.Trim() != "false");
        if (tracked)
        {
            foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                File.Exists(Path.Combine(folder, name)).ShouldBeTrue($"{project} needs {name} (start with a line \"#nullable enable\"; dotnet format analyzers --diagnostics RS0016 fills it)");
            }
        }
    }
}
