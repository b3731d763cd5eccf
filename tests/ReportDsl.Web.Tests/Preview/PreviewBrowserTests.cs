using Microsoft.Playwright;

namespace ReportDsl.Web.Tests.Preview;

/// <summary>
/// The preview in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser). The page must
/// show findings in place, follow saves of the data and the template, and show a broken template's diagnostic.
/// </summary>
public sealed class PreviewBrowserTests
{
    [ChromiumFact]
    public async Task The_page_follows_saves_of_the_data_and_the_template()
    {
        await using var host = await PreviewHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(host.Address.ToString());

        // A highlighted cell, its finding on hover (the tooltip) and in the side list; a click in the list goes to the cell.
        var cell = page.Locator("td.finding").First;
        await Assertions.Expect(cell).ToBeVisibleAsync();
        var tooltip = await cell.GetAttributeAsync("title") ?? string.Empty;
        tooltip.ShouldContain("RD");
        var cellId = await cell.GetAttributeAsync("id") ?? string.Empty;
        var item = page.Locator($"#findings li:has(a[href=\"#{cellId}\"])").First;
        await Assertions.Expect(item).ToContainTextAsync(tooltip.Split('\n')[0]);
        (await page.Locator("#findings").EvaluateAsync<string>("e => getComputedStyle(e).position")).ShouldBe("fixed");
        await item.ClickAsync();
        await Assertions.Expect(page.Locator($"[id=\"{cellId}\"]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("preview-target"));

        // Saving the data: the page reloads by itself with the new value.
        await File.WriteAllTextAsync(host.DataPath, (await File.ReadAllTextAsync(host.DataPath)).Replace("\"art20_6.enforcement[decisions]\": 213", "\"art20_6.enforcement[decisions]\": 987654", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("987654");

        // Breaking a template: its diagnostic replaces the report.
        var section = Path.Combine(host.TemplateFolder, "section.html.sbn");
        await File.WriteAllTextAsync(section, "<h2>{{ section.title </h2>\n");
        await Assertions.Expect(page.Locator("#preview-problems")).ToContainTextAsync("RD4001");
        await Assertions.Expect(page.Locator("#preview-problems")).ToContainTextAsync("section.html.sbn");

        // Fixing it: the report comes back.
        File.Copy(Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Templates, "render", "section.html.sbn"), section, overwrite: true);
        await Assertions.Expect(page.Locator("td.finding").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview-problems")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("987654");
    }
}
