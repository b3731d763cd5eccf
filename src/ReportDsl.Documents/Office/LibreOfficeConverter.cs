using System.Diagnostics;

namespace ReportDsl.Documents.Office;

/// <summary>
/// Converts legacy word-processor files (.doc, .wps, .rtf) to .docx with LibreOffice (soffice, found on PATH), run
/// headless in a temporary folder of its own: the input is copied there, so nothing is ever written next to it, each
/// conversion has its own LibreOffice profile (conversions may run in parallel), and the folder is removed afterwards.
/// </summary>
internal static class LibreOfficeConverter
{
    /// <summary>The longest a conversion may take; a first run with a fresh profile takes a few seconds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The LibreOffice program on PATH, or null when it is not installed.</summary>
    public static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in (string[])["soffice", "libreoffice", "soffice.exe"])
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The .docx bytes, or null and why the conversion failed.</summary>
    public static (byte[]? Docx, string Problem) ToDocx(ReadOnlySpan<byte> bytes, string extension, string program)
    {
        var folder = Directory.CreateTempSubdirectory("reportdsl-convert-");
        try
        {
            var input = Path.Combine(folder.FullName, "input" + extension);
            var output = Path.Combine(folder.FullName, "out");
            File.WriteAllBytes(input, bytes.ToArray());
            var start = new ProcessStartInfo(program)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var argument in (string[])["--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation={new Uri(Path.Combine(folder.FullName, "profile")).AbsoluteUri}",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", output, input])
            {
                start.ArgumentList.Add(argument);
            }

            // LibreOffice writes its settings under HOME; the temporary folder keeps them out of the user's.
            start.Environment["HOME"] = folder.FullName;
            using var process = Process.Start(start);
            if (process is null)
            {
                return (null, "LibreOffice could not be started");
            }

            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"LibreOffice did not convert it within {Timeout.TotalSeconds:0} s");
            }

            Task.WaitAll(stdout, stderr);
            var docx = Path.Combine(output, "input.docx");
            return File.Exists(docx)
                ? (File.ReadAllBytes(docx), string.Empty)
                : (null, $"LibreOffice could not convert it ({stderr.Result.Trim().Split('\n').LastOrDefault()?.Trim() ?? "no output"})");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, exception.Message.TrimEnd('.'));
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless; the reading goes on.
            }
        }
    }
}
