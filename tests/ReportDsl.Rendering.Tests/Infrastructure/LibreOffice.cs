using System.Diagnostics;

namespace ReportDsl.Rendering.Tests.Infrastructure;

/// <summary>Converts .docx to PDF with LibreOffice and reads PDF text with pdftotext, when those tools are installed.</summary>
public static class LibreOffice
{
    private static readonly object Gate = new();

    public static string? Soffice { get; } = Find("soffice");

    public static string? PdfToText { get; } = Find("pdftotext");

    public static string MissingReason =>
        "LibreOffice (soffice) or poppler-utils (pdftotext) is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk poppler-utils";

    public static bool Available => Soffice is not null && PdfToText is not null;

    /// <summary>Converts a .docx to PDF bytes (one conversion at a time: LibreOffice shares its profile).</summary>
    public static byte[] ToPdf(ReadOnlyMemory<byte> docx)
    {
        var folder = Directory.CreateTempSubdirectory("reportdsl-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.docx");
            File.WriteAllBytes(input, docx.ToArray());
            lock (Gate)
            {
                Run(Soffice!, $"-env:UserInstallation=file://{folder.FullName}/profile --headless --convert-to pdf --outdir {folder.FullName} {input}");
            }

            return File.ReadAllBytes(Path.Combine(folder.FullName, "report.pdf"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static string Text(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("reportdsl-pdftext-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.pdf");
            File.WriteAllBytes(input, pdf);
            // -raw keeps the content stream order, in which LibreOffice writes each cell's lines together.
            Run(PdfToText!, $"-raw {input} {input}.txt");
            return File.ReadAllText(input + ".txt");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {arguments} did not finish in 2 minutes");
        }

        process.ExitCode.ShouldBe(0, $"{tool} {arguments}: {error.Result}");
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
}
