using ReportDsl.Documents.Ocr;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// A theory that needs tesseract (with Chinese) and pdftoppm on PATH (.ci/run installs them); skipped, saying why, only
/// where they are not installed, so that `dotnet test` on a machine with only the .NET SDK passes.
/// </summary>
public sealed class OcrTheoryAttribute : TheoryAttribute
{
    public OcrTheoryAttribute()
    {
        if (OcrTools.Find("tesseract") is null || OcrTools.Find("pdftoppm") is null)
        {
            Skip = $"tesseract or pdftoppm is not on PATH: apt-get install {OcrTools.Packages} (as .ci/run does).";
        }
    }
}
