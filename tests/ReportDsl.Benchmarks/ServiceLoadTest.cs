using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using ReportDsl.Web;

namespace ReportDsl.Benchmarks;

/// <summary>
/// A bounded load test of the validation service: a real Kestrel on 127.0.0.1 (an ephemeral port), a fixed count of
/// <c>POST /validate</c> requests of 2021 report data (one in ten with a broken 勾稽关系) from one HttpClient at a fixed
/// concurrency, after a warm-up. Reports throughput, p50/p99/max latency, failed requests (a status other than 200 or
/// an answer whose error count is not the expected one) and memory before and after. Not a unit test: run it with
/// <c>dotnet run -c Release --project tests/ReportDsl.Benchmarks -- load-test [requests] [concurrency] [url]</c>.
/// Client and server share the machine, as they do when a platform calls a service on the same host.
/// </summary>
internal static class ServiceLoadTest
{
    /// <summary>Runs the test against a service started here, or against <paramref name="url"/> (a <c>reportdsl serve</c> in another process, whose CPU time can then be read apart).</summary>
    public static async Task<int> RunAsync(int requests, int concurrency, string? url)
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        var valid = await File.ReadAllBytesAsync(Path.Combine(examples, "2021-valid.json")).ConfigureAwait(false);
        var broken = Broken(valid);
        await using var app = ValidationServer.Build(
            ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            ReportDsl.Web.Program.BundledFormats(),
            specPath: null);
        if (url is null)
        {
            await app.StartAsync().ConfigureAwait(false);
        }

        var address = url ?? app.Urls.Single();

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
        {
            BaseAddress = new Uri(address),
        };

        // Warm-up: the JIT, the connection pool and the thread pool reach their steady state.
        await Drive(client, Math.Min(2_000, requests), concurrency, valid, broken, new long[Math.Min(2_000, requests)]).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;

        var latencies = new long[requests];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var failed = await Drive(client, requests, concurrency, valid, broken, latencies).ConfigureAwait(false);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var workingSetAfter = Environment.WorkingSet;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Array.Sort(latencies);
        double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"requests      {requests} at concurrency {concurrency} against {address}"));
        Console.WriteLine(string.Create(invariant, $"wall          {clock.Elapsed.TotalSeconds:0.00} s"));
        Console.WriteLine(string.Create(invariant, $"throughput    {requests / clock.Elapsed.TotalSeconds:0} requests/s"));
        Console.WriteLine(string.Create(invariant, $"latency       p50 {Milliseconds(latencies[requests / 2]):0.00} ms, p99 {Milliseconds(latencies[(int)(requests * 0.99)]):0.00} ms, max {Milliseconds(latencies[^1]):0.00} ms"));
        Console.WriteLine(string.Create(invariant, $"failed        {failed}"));

        // CPU time per request (client and server together) does not depend on what else the machine runs, unlike the wall clock.
        Console.WriteLine(string.Create(invariant, $"CPU           {cpu.TotalSeconds:0.00} s, {cpu.TotalMicroseconds / requests:0} µs per request (client and server), so {Environment.ProcessorCount * requests / cpu.TotalSeconds:0} requests/s if {Environment.ProcessorCount} cores were ours"));
        Console.WriteLine(string.Create(invariant, $"managed heap  {heapBefore / 1048576.0:0.0} MB before, {heapAfter / 1048576.0:0.0} MB after"));
        Console.WriteLine(string.Create(invariant, $"working set   {workingSetBefore / 1048576.0:0.0} MB before, {workingSetAfter / 1048576.0:0.0} MB after"));
        Console.WriteLine(string.Create(invariant, $"GC            gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}"));
        if (url is null)
        {
            await app.StopAsync().ConfigureAwait(false);
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>Sends <paramref name="count"/> requests from <paramref name="concurrency"/> loops; returns how many failed.</summary>
    private static async Task<int> Drive(HttpClient client, int count, int concurrency, byte[] valid, byte[] broken, long[] latencies)
    {
        var next = -1;
        var failed = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var isBroken = i % 10 == 0;
                using var content = new ByteArrayContent(isBroken ? broken : valid);
                content.Headers.ContentType = new("application/json");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync("/validate", content).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetTimestamp() - started;
                    var clean = body.Contains("\"errors\":0,", StringComparison.Ordinal);
                    if (response.StatusCode != HttpStatusCode.OK || clean == isBroken)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    latencies[i] = Stopwatch.GetTimestamp() - started;
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        return failed;
    }

    /// <summary>The valid report with one more application received: GK001 and GK002 break.</summary>
    private static byte[] Broken(byte[] valid)
    {
        var report = System.Text.Json.Nodes.JsonNode.Parse(valid)!.AsObject();
        var cells = report["cells"]!.AsObject();
        cells["applications.received[natural]"] = (long)cells["applications.received[natural]"]! + 1;
        return System.Text.Encoding.UTF8.GetBytes(report.ToJsonString());
    }
}
