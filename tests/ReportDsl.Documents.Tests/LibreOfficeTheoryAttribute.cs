using ReportDsl.Documents.Office;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// A theory that needs LibreOffice on PATH (.ci/run installs it); skipped, saying why, only where it is not installed,
/// so that `dotnet test` on a machine with only the .NET SDK passes.
/// </summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (LibreOfficeConverter.Find() is null)
        {
            Skip = "LibreOffice (soffice) is not on PATH: apt-get install libreoffice-writer-nogui fonts-noto-cjk (as .ci/run does).";
        }
    }
}
