using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ReportDsl.Semantics;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Tests.Infrastructure;

/// <summary>The bundled formats compiled once, their validators, and report data read from JSON.</summary>
public static class Reports
{
    private static readonly Lazy<Compilation> Bundled = new(() => Compilation.Create(
        [.. Directory.EnumerateFiles(RepoPaths.Templates, "*.rdsl").Order(StringComparer.Ordinal).Select(f => SourceText.From(File.ReadAllText(f), Path.GetFileName(f)))]));

    private static readonly Dictionary<FormatSymbol, Validator> Validators = [];

    public static ImmutableArray<FormatSymbol> Formats => Bundled.Value.Formats;

    public static FormatSymbol Format(string version) => Formats.Single(f => f.Version == version);

    public static Validator ValidatorFor(FormatSymbol format)
    {
        lock (Validators)
        {
            if (!Validators.TryGetValue(format, out var validator))
            {
                Validators[format] = validator = Validator.Create(format);
            }

            return validator;
        }
    }

    public static IEnumerable<string> Examples => Directory.EnumerateFiles(Path.Combine(RepoPaths.Templates, "examples"), "20*.json").Order(StringComparer.Ordinal);

    /// <summary>Reads report data (JSON) against the bundled formats, or against the given ones.</summary>
    public static ReportData Read(byte[] json, string path, IEnumerable<FormatSymbol>? formats = null)
    {
        var candidates = (formats ?? Formats).ToList();
        var result = ReportDataReader.Read(json, path, (name, version) => candidates.FirstOrDefault(f => f.Name == name && f.Version == version) is { } f ? ValidatorFor(f).Layout : null, "test");
        result.Errors.ShouldBeEmpty();
        return result.Data!;
    }

    public static ReportData ReadExample(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Writes report data as the JSON the reader takes: every cell's value or null.</summary>
    public static byte[] Json(FormatSymbol format, string? agency, int? year, IReadOnlyDictionary<string, decimal?> values)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{{\"format\":\"{format.Name}\",\"version\":\"{format.Version}\"");
        if (agency is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $",\"agency\":\"{agency}\"");
        }

        if (year is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $",\"year\":{year}");
        }

        builder.Append(",\"cells\":{");
        builder.Append(string.Join(',', values.Select(v => $"\"{v.Key}\":{(v.Value is { } d ? d.ToString(CultureInfo.InvariantCulture) : "null")}")));
        builder.Append("}}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Every cell's value as a number (null when missing), by identifier: what a round trip must keep.</summary>
    public static SortedDictionary<string, decimal?> Values(ReportData data)
    {
        var values = new SortedDictionary<string, decimal?>(StringComparer.Ordinal);
        for (var i = 0; i < data.Values.Layout.Cells.Length; i++)
        {
            values[data.Values.Layout.Cells[i].Id] = data.Values.NumberOf(i);
        }

        return values;
    }
}
