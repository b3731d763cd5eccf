using static ReportDsl.Cli.Tests.CliRun;
using ReportDsl.Cli.Commands;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Web.Preview;

namespace ReportDsl.Cli.Tests;

/// <summary>reportdsl preview: bad paths stop it before it listens; it prints its URL and stops when cancelled (Ctrl+C).</summary>
public sealed class PreviewCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reportdsl-preview-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task It_prints_its_loopback_url_serves_the_report_and_stops_when_cancelled()
    {
        var data = Path.Combine(_folder, "report.json");
        File.Copy(Path.Combine(RepoPaths.Templates, "examples", "2021-mistakes.json"), data);
        var text = new StringWriter();

        // The server writes from its own thread; the synchronized writer locks on itself, so reads take the same lock.
        var output = TextWriter.Synchronized(text);
        string Printed()
        {
            lock (output)
            {
                return text.ToString();
            }
        }

        using var cancellation = new CancellationTokenSource();
        var running = PreviewCommand.RunAsync(new PreviewInputs(data, null, null), 0, new CliContext(output, TextWriter.Null), cancellation.Token);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Printed().Contains("http://127.0.0.1:", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            await Task.Delay(50);
        }

        var line = Printed();
        line.ShouldContain("Ctrl+C");
        var url = line[line.IndexOf("http://127.0.0.1:", StringComparison.Ordinal)..].Split(' ')[0];
        using (var client = new HttpClient())
        {
            (await client.GetStringAsync(new Uri(url))).ShouldContain("class=\"finding\"");
        }

        await cancellation.CancelAsync();
        (await running.WaitAsync(TimeSpan.FromSeconds(15))).ShouldBe(0);
    }

    [Fact]
    public void A_missing_data_file_is_a_usage_error()
    {
        var (exit, _, error) = Run("preview", Path.Combine(_folder, "absent.json"), "--port", "0");
        exit.ShouldBe(2);
        error.ShouldContain("absent.json: error RD6001:");
    }

    [Fact]
    public void The_template_must_be_a_folder()
    {
        var data = Path.Combine(_folder, "report.json");
        File.WriteAllText(data, "{}");
        var (exit, _, error) = Run("preview", data, "--template", data, "--port", "0");
        exit.ShouldBe(2);
        error.ShouldContain("a folder of .html.sbn templates");
        (exit, _, error) = Run("preview", data, "--template", Path.Combine(_folder, "nothing"), "--port", "0");
        exit.ShouldBe(2);
        error.ShouldContain("nothing: error RD6001:");
    }

    [Fact]
    public void A_port_out_of_range_is_a_usage_error()
    {
        var (exit, _, error) = Run("preview", "report.json", "--port", "70000");
        exit.ShouldBe(2);
        error.ShouldContain("--port must be between 0 and 65535.");
    }

    [Fact]
    public void Help_names_every_option_and_an_example()
    {
        var (exit, output, _) = Run("preview", "--help");
        exit.ShouldBe(0);
        foreach (var option in new[] { "--spec", "--template", "--port", "Example: reportdsl preview" })
        {
            output.ShouldContain(option);
        }
    }
}
