using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace ReportDsl.Rendering.Tests.Infrastructure;

/// <summary>A .docx as reviewable text: every part's name, and its XML indented (document, comments, styles).</summary>
public static class DocxDump
{
    public static string Dump(ReadOnlyMemory<byte> docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx.ToArray()), ZipArchiveMode.Read);
        var builder = new StringBuilder();
        builder.Append("parts: ").AppendJoin(", ", zip.Entries.Select(e => e.FullName)).Append('\n');
        foreach (var entry in zip.Entries.Where(e => e.FullName is "word/document.xml" or "word/comments.xml"))
        {
            using var stream = entry.Open();
            builder.Append("\n==== ").Append(entry.FullName).Append('\n');
            builder.Append(XDocument.Load(stream).ToString().ReplaceLineEndings("\n")).Append('\n');
        }

        return builder.ToString();
    }
}
