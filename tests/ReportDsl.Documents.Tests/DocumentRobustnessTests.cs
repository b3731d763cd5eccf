using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Whatever bytes arrive, reading ends in a finding, never an exception, and soon: empty files, random bytes, a
/// truncated package, zip bombs (declared and hidden), a Word file without tables; and the real blank official template.
/// </summary>
public sealed class DocumentRobustnessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static TheoryData<string> BadDocuments() => ["empty.docx", "empty.html", "random.docx", "truncated.docx", "bomb.docx", "ratio-bomb.docx", "lying-bomb.docx", "ole.docx", "no-tables.docx", "no-tables.html"];

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void A_bad_document_ends_in_a_finding(string name)
    {
        var bytes = Make(name);
        var clock = Stopwatch.StartNew();
        var result = DocumentReader.ReadFile(bytes, name, SeedAccuracyTests.Validators);
        clock.Stop();
        var finding = result.Errors.ShouldHaveSingleItem();
        output.WriteLine($"{name} ({bytes.Length} bytes, {clock.ElapsedMilliseconds} ms): {finding.Code} {finding.Message}");
        result.Data.ShouldBeNull();
        clock.Elapsed.ShouldBeLessThan(Bound);
        var expected = name.StartsWith("no-tables", StringComparison.Ordinal) || name == "empty.html" ? "RD3205" : "RD3206";
        finding.Code.ShouldBe(expected);
        if (name is "bomb.docx" or "ratio-bomb.docx")
        {
            // Refused from the sizes the archive declares, before anything inflates.
            finding.Message.ShouldContain(name == "bomb.docx" ? "more than 200 MB" : "like a zip bomb");
        }
    }

    [Theory]
    [InlineData("0 65535 1000", true)]
    [InlineData("0 32767 1000 32768 65535 500", true)]
    [InlineData("37 444444444444444444444444 166", false)]
    [InlineData("0 65535 1000 0 65535 1000 0 65535 1000", false)]
    public void A_font_whose_widths_cover_more_than_every_cid_is_refused(string range, bool read)
    {
        // The generated seed's CID font with a range put in front of its widths (found by fuzzing: PdfPig fills a
        // table entry per CID of a range, and a mutated range took all the machine's memory). CIDs are 16-bit, so
        // widths for the whole 16-bit range are a real font and read as before; what cannot be a font is refused at once.
        var seed = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Fuzz", "corpus", "pdf", "flattened.pdf"));
        var bytes = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(seed).Replace("/W [", "/W [" + range + " ", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        var result = DocumentReader.ReadFile(bytes, "widths.pdf", SeedAccuracyTests.Validators);
        output.WriteLine($"{range}: {clock.ElapsedMilliseconds} ms, {string.Join(", ", result.Errors.Select(e => e.Code))}");
        if (read)
        {
            result.Errors.ShouldBeEmpty();
            result.Data.ShouldNotBeNull().Version.ShouldBe("2021");
        }
        else
        {
            result.Errors.ShouldHaveSingleItem().Code.ShouldBe("RD3207");
        }
    }

    [Fact]
    public void The_blank_official_template_is_2021_with_every_cell_empty()
    {
        var path = Path.Combine(RepoPaths.Corpus, "peers", "zxj6827111-blip__govnianbao", "政务公开年报模版.docx");
        var result = DocumentReader.ReadFile(File.ReadAllBytes(path), path, SeedAccuracyTests.Validators);
        output.WriteLine(result.Evidence);
        result.Errors.ShouldBeEmpty();
        var data = result.Data.ShouldNotBeNull();
        data.Version.ShouldBe("2021", result.Evidence);
        var layout = SeedAccuracyTests.Validators.Single(v => v.Format.Version == "2021").Layout;
        Enumerable.Range(0, layout.Cells.Length).Where(c => data.Values.NumberOf(c) is not null).ShouldBeEmpty();
        foreach (var group in data.ReadFindings.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        // Pinned: every labelled row is found and every cell is blank (RD3140: no value in the document), with nothing else.
        result.Evidence.ShouldStartWith("gov_info_disclosure 2021: 34/34 labels");
        data.ReadFindings.Count(f => f.Code == "RD3140").ShouldBe(layout.FirstFact);
        data.ReadFindings.Where(f => f.Code != "RD3140").Select(f => $"{f.Code} {f.Message}").ShouldBeEmpty();
    }

    internal static byte[] Make(string name) => name switch
    {
        "empty.docx" or "empty.html" => [],
        "random.docx" => RandomBytes(),
        "truncated.docx" => Truncated(),
        "bomb.docx" => Bomb(300, lie: false),
        "ratio-bomb.docx" => Bomb(30, lie: false),
        "lying-bomb.docx" => Bomb(30, lie: true),
        "ole.docx" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]],
        "no-tables.docx" => NoTables(),
        "no-tables.html" => Encoding.UTF8.GetBytes("<html><body><h1>通知</h1><p>本年度共收到申请 12 件。</p></body></html>"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'P';
        bytes[1] = (byte)'K';
        return bytes;
    }

    private static byte[] Truncated()
    {
        var validator = SeedAccuracyTests.Validators[1];
        var whole = HtmlDocxLayoutTests.RenderDocx(validator.Format, validator.Layout, [.. Enumerable.Range(1, validator.Layout.Cells.Length)], new Random(1));
        return whole[..(whole.Length / 2)];
    }

    /// <summary>
    /// A package whose document.xml inflates to that many megabytes of spaces; the lying one declares 1,000 bytes
    /// instead (the runtime's zip reader stops at the declared size, so it inflates no further and fails as damaged).
    /// </summary>
    private static byte[] Bomb(int megabytes, bool lie)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(chunk);
            }
        }

        var bytes = stream.ToArray();
        if (lie)
        {
            // Rewrite the declared size of document.xml in its local header and its central directory entry.
            for (var i = 0; i + 4 <= bytes.Length; i++)
            {
                var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
                var name = signature == 0x04034b50 ? 30 : signature == 0x02014b50 ? 46 : -1;
                if (name > 0 && i + name + 17 <= bytes.Length && Encoding.ASCII.GetString(bytes, i + name, 17) == "word/document.xml")
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + (signature == 0x04034b50 ? 22 : 24)), 1000);
                }
            }
        }

        return bytes;
    }

    private static byte[] NoTables()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("关于做好政府信息公开工作的通知")))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData("huge.txt")]
    [InlineData("huge.html")]
    public void A_document_over_the_size_limit_is_refused_without_being_read(string name)
    {
        var bytes = new byte[DocumentReader.MaxBytes + 1];
        var result = DocumentReader.ReadFile(bytes, name, SeedAccuracyTests.Validators);
        result.Data.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("RD3206");
    }

    /// <summary>
    /// Encrypted PDFs (made with qpdf from 2021-wrapped.pdf, AES-256): one needs a user password and cannot be read
    /// (RD3207, no exception); one has only an owner password, so its text is readable and every cell comes out.
    /// </summary>
    [Fact]
    public void An_encrypted_pdf_is_a_finding_unless_it_opens_without_a_password()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "pdf");
        var locked = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(folder, "2021-encrypted.pdf")), "2021-encrypted.pdf", SeedAccuracyTests.Validators);
        locked.Data.ShouldBeNull();
        locked.Errors.ShouldHaveSingleItem().Code.ShouldBe("RD3207");

        var open = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(folder, "2021-owner-password.pdf")), "2021-owner-password.pdf", SeedAccuracyTests.Validators);
        var plain = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(folder, "2021-wrapped.pdf")), "2021-wrapped.pdf", SeedAccuracyTests.Validators);
        var data = open.Data.ShouldNotBeNull();
        var layout = data.Values.Layout;
        Enumerable.Range(0, layout.Cells.Length).Select(data.Values.NumberOf).ShouldBe(Enumerable.Range(0, layout.Cells.Length).Select(plain.Data!.Values.NumberOf));
    }
}
