using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Running;

namespace ReportDsl.Benchmarks;

/// <summary>
/// Runs the benchmarks: dotnet run -c Release --project tests/ReportDsl.Benchmarks -- --filter '*'.
/// With "make-batch &lt;folder&gt; &lt;count&gt;" it writes that many report files for the batch measurement in docs/benchmarks.md;
/// with "load-test [requests] [concurrency] [url]" it runs the validation service's load test (<see cref="ServiceLoadTest"/>).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args is ["make-batch", var folder, var count])
        {
            MakeBatch(folder, int.Parse(count, CultureInfo.InvariantCulture));
            return 0;
        }

        if (args is ["load-test", .. var options])
        {
            var requests = options.Length > 0 ? int.Parse(options[0], CultureInfo.InvariantCulture) : 20_000;
            var concurrency = options.Length > 1 ? int.Parse(options[1], CultureInfo.InvariantCulture) : 64;
            return ServiceLoadTest.RunAsync(requests, concurrency, options.Length > 2 ? options[2] : null).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Copies of the valid 2021 example, one in ten with a broken 勾稽关系, spread over 100 folders.</summary>
    private static void MakeBatch(string folder, int count)
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "2021-valid.json")))!.AsObject();
        template.Remove("$schema");
        var random = new Random(2026);
        for (var i = 0; i < count; i++)
        {
            var report = template.DeepClone().AsObject();
            report["agency"] = $"机关{i:D6}";
            if (i % 10 == 0)
            {
                var cells = report["cells"]!.AsObject();
                cells["applications.received[natural]"] = (long)cells["applications.received[natural]"]! + random.Next(1, 5);
            }

            var directory = Path.Combine(folder, (i % 100).ToString("D2", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, $"{i:D6}.json"), report.ToJsonString());
        }
    }
}
