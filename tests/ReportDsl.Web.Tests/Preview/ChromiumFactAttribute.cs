namespace ReportDsl.Web.Tests.Preview;

/// <summary>A fact that needs Debian's Chromium; skipped, saying so, only when the browser is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Debian's Chromium, the only browser the tests use (Playwright never downloads one).</summary>
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is absent: install Debian's chromium package (apt-get install -y --no-install-recommends chromium) to run the browser test.";
        }
    }
}
