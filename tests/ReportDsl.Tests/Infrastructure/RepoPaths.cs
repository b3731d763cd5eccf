namespace ReportDsl.Tests.Infrastructure;

/// <summary>Finds the repository's folders from wherever the tests run.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "tests", "Samples");

    public static string Templates => Path.Combine(Root, "templates", "gov-info-disclosure");

    /// <summary>The real published reports the tests read, copied into the repository with their provenance.</summary>
    public static string Corpus => Path.Combine(Root, "tests", "corpus");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReportDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find ReportDsl.sln above " + AppContext.BaseDirectory);
    }
}
