using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Web.Tests;

/// <summary>
/// The time limit cancels the work, not only the answer: a request past its limit gets its 503 (RD6055), and the
/// reading it started stops at its next look at the limit and logs that it stopped (event 4) instead of running on
/// to the end with its result dropped.
/// </summary>
public sealed class TimeLimitTests
{
    [Fact]
    public async Task A_request_past_its_time_limit_is_answered_and_its_work_stops()
    {
        var captured = new CapturingLoggerProvider();
        await using var factory = new ServiceFactory { Settings = new Dictionary<string, string> { ["TimeLimit"] = "00:00:01" } };
        using var withLog = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(captured)));
        using var client = withLog.CreateClient();

        // 1,000 copies of a published report's text (15 MB): reading it takes many seconds, far past the limit of one.
        var page = File.ReadAllText(Path.Combine(RepoPaths.Samples, "500-validation", "040-document-folded-findings", "data.txt"));
        using var content = new StringContent(string.Concat(Enumerable.Repeat(page, 1000)), Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync("/validate?name=slow.txt", content);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("RD6055");
        var stopped = await captured.WaitFor(eventId: 4, TimeSpan.FromMinutes(2));
        stopped.ShouldNotBeNull("the reading should stop once the limit has passed, and say so").Fields["Path"].ShouldBe("slow.txt");
        captured.Entries.ShouldNotContain(e => e.EventId == 1, "a request stopped by its time limit is never reported as validated");
    }
}
