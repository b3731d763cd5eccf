using System.Diagnostics;

namespace ReportDsl.Documents.Ocr;

/// <summary>
/// The programs OCR runs, found on PATH: pdftoppm (poppler-utils) draws PDF pages as grey images, and tesseract
/// (tesseract-ocr with the tesseract-ocr-chi-sim language data) reads the words on them. Each run is bounded in time.
/// </summary>
internal static class OcrTools
{
    /// <summary>What to install when a program is missing.</summary>
    public const string Packages = "tesseract-ocr tesseract-ocr-chi-sim poppler-utils";

    /// <summary>The longest a program may take on one page.</summary>
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(120);

    /// <summary>A program on PATH, or null when it is not installed.</summary>
    public static string? Find(string name, string? path = null)
    {
        foreach (var folder in (path ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in (string[])[Path.Combine(folder, name), Path.Combine(folder, name + ".exe")])
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Runs a program to its end or the timeout: its standard output, or null and why it failed.</summary>
    public static (string? Output, string Problem) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One thread per page: pages are read in parallel, and OpenMP threads on top of that only contend.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return (null, $"{Path.GetFileName(program)} could not be started");
            }

            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0} s");
            }

            Task.WaitAll(stdout, stderr);
            return process.ExitCode == 0
                ? (stdout.Result, string.Empty)
                : (null, $"{Path.GetFileName(program)} failed ({stderr.Result.Trim().Split('\n').LastOrDefault()?.Trim() ?? "no message"})");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException or AggregateException)
        {
            return (null, exception.Message.TrimEnd('.'));
        }
    }
}
