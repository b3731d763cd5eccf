namespace ReportDsl.Tests.Infrastructure;

/// <summary>
/// Sample folders whose published report is a scan (the folder name holds "-scan-") are read by OCR, which needs
/// tesseract and pdftoppm from Debian. `dotnet test` must pass with only the .NET SDK, so their theories skip, saying
/// why, where those programs are missing; .ci/run installs them, so CI always runs them.
/// </summary>
public static class OcrSamples
{
    public const string Packages = "tesseract-ocr tesseract-ocr-chi-sim poppler-utils";

    public static bool IsScan(string folder) => Path.GetFileName(folder.TrimEnd('/', '\\')).Contains("-scan-", StringComparison.Ordinal);

    public static bool ToolsInstalled { get; } = OnPath("tesseract") && OnPath("pdftoppm");

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));
}

/// <summary>A theory over scanned samples: skipped, saying why, where the OCR programs are not installed.</summary>
public sealed class OcrSampleTheoryAttribute : TheoryAttribute
{
    public OcrSampleTheoryAttribute()
    {
        if (!OcrSamples.ToolsInstalled)
        {
            Skip = $"tesseract or pdftoppm is not on PATH: apt-get install {OcrSamples.Packages} (as .ci/run does).";
        }
    }
}
