namespace ReportDsl.Rendering.Tests.Infrastructure;

/// <summary>A fact that needs LibreOffice and pdftotext; skipped, saying why, only where they are not installed.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (!LibreOffice.Available)
        {
            Skip = LibreOffice.MissingReason;
        }
    }
}

/// <summary>A theory that needs LibreOffice and pdftotext; skipped, saying why, only where they are not installed.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (!LibreOffice.Available)
        {
            Skip = LibreOffice.MissingReason;
        }
    }
}
