using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ReportDsl.Cli.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// SIGINT and SIGTERM sent for real to a CLI process validating a folder of many documents: it stops after the files
/// it is reading, closes its JSON or SARIF document validly, prints the summary so far and exits with 130.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private const int Files = 1200;
    private readonly string _folder = CliProcess.CreateFolder("reportdsl-signal-");

    public SignalTests()
    {
        // A document with findings, so that every batch of results shows in the output as soon as it is written.
        var seed = File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, "seeds", "004_b0a0644a2287c115.txt"));
        Directory.CreateDirectory(Path.Combine(_folder, "reports"));
        for (var i = 0; i < Files; i++)
        {
            File.WriteAllBytes(Path.Combine(_folder, "reports", $"{i:D4}.txt"), seed);
        }
    }

    public void Dispose() => CliProcess.DeleteFolder(_folder);

    [Theory]
    [InlineData("json", "INT")]
    [InlineData("sarif", "TERM")]
    public void A_signal_stops_validation_after_the_current_files_with_a_valid_document_and_exit_130(string format, string signal)
    {
        var (exit, output, error) = RunAndSignal(["validate", "reports", "--format", format, "--lang", "en"], signal, format == "json" ? "\"path\"" : "\"ruleId\"");

        exit.ShouldBe(130, error);
        using var document = JsonDocument.Parse(output);
        if (format == "json")
        {
            var summary = document.RootElement.GetProperty("summary");
            summary.GetProperty("interrupted").GetBoolean().ShouldBeTrue();
            summary.GetProperty("files").GetInt32().ShouldBe(document.RootElement.GetProperty("files").GetArrayLength());
            summary.GetProperty("files").GetInt32().ShouldBeLessThan(Files);
        }
        else
        {
            var run = document.RootElement.GetProperty("runs")[0];
            run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().ShouldBeFalse();
            run.GetProperty("results").GetArrayLength().ShouldBeGreaterThan(0);
        }

        error.ShouldContain("file(s):", customMessage: "the summary so far");
        error.ShouldContain("warning RD6037");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_signal_during_validate_to_a_file_still_writes_a_complete_document_and_no_temporary_file()
    {
        var (exit, _, error) = RunAndSignal(["validate", "reports", "--format", "json", "-o", "results.json"], "INT", null);

        exit.ShouldBe(130, error);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "results.json")));
        document.RootElement.GetProperty("summary").GetProperty("interrupted").GetBoolean().ShouldBeTrue();
        Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).ShouldBeEmpty();
    }

    /// <summary>Starts the CLI, waits until its output shows it is at work (or its temporary file exists), then signals it.</summary>
    private (int Exit, string Output, string Error) RunAndSignal(string[] args, string signal, string? busyMarker)
    {
        using var process = Process.Start(CliProcess.StartInfo(_folder, args)) ?? throw new InvalidOperationException("The CLI did not start.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var busy = new ManualResetEventSlim();
        var outputDone = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                outputDone.TrySetResult();
                return;
            }

            lock (output)
            {
                output.Append(e.Data).Append('\n');
            }

            if (busyMarker is not null && e.Data.Contains(busyMarker, StringComparison.Ordinal))
            {
                busy.Set();
            }
        };
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync();

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!busy.IsSet && !process.HasExited && DateTime.UtcNow < deadline)
        {
            if (busyMarker is null && Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Length > 0)
            {
                Thread.Sleep(500);
                break;
            }

            busy.Wait(TimeSpan.FromMilliseconds(50));
        }

        process.HasExited.ShouldBeFalse("the run ended before the signal; it needs more files");
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The CLI did not stop after the signal.");
        }

        outputDone.Task.Wait(TimeSpan.FromSeconds(30));
        lock (output)
        {
            return (process.ExitCode, output.ToString(), error.Result);
        }
    }
}
