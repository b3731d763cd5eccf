using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ReportDsl.Rendering.Word;

/// <summary>
/// Makes a .docx reproducible: the same parts in the same order, one fixed timestamp, the same compression, and the
/// package relationship ids (which the SDK draws at random) numbered in order. Nothing refers to package-level ids, so
/// renumbering them changes nothing else.
/// </summary>
internal static partial class DocxPackage
{
    private static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, as Office writes it; then the rest by name.
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var source = entry.Open();
                using var buffer = new MemoryStream();
                source.CopyTo(buffer);
                var bytes = buffer.ToArray();
                if (entry.FullName == "_rels/.rels")
                {
                    var number = 0;
                    var text = RelationshipId().Replace(System.Text.Encoding.UTF8.GetString(bytes), _ => $"Id=\"rId{++number}\"");
                    bytes = System.Text.Encoding.UTF8.GetBytes(text);
                }

                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Timestamp;
                using var target = copy.Open();
                target.Write(bytes);
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex("(?<= )Id=\"[^\"]*\"")]
    private static partial Regex RelationshipId();
}
