using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportDsl.Validation;

/// <summary>
/// Writes report data in the documented JSON shape, every cell as an object with its value (null when the cell is
/// blank or could not be read), its official label paths and where the value came from, so that a person or another
/// program can read it without the spec. <see cref="ReportDataReader"/> reads it back.
/// </summary>
public static class ReportDataWriter
{
    /// <summary>Writes the data as indented JSON with LF line endings.</summary>
    public static string Write(ReportData data, string? formatChoice = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", data.FormatName);
            json.WriteString("version", data.Version);
            if (data.Agency is not null)
            {
                json.WriteString("agency", data.Agency);
            }

            if (data.Year is { } year)
            {
                json.WriteNumber("year", year);
            }

            json.WriteString("source", data.Path);
            if (formatChoice is not null)
            {
                json.WriteString("formatChoice", formatChoice);
            }

            if (data.HasProse)
            {
                WriteProse(json, data);
            }

            json.WriteStartObject("cells");
            var layout = data.Values.Layout;

            // The facts are not written: they are read again from the text.
            for (var cell = 0; cell < layout.FirstFact; cell++)
            {
                var symbol = layout.Cells[cell];
                json.WriteStartObject(symbol.Id);
                if (data.Values.StateOf(cell) == CellState.Present && symbol.Type.Kind == Semantics.CellTypeKind.Text)
                {
                    json.WriteString("value", data.Values.TextOf(cell));
                }
                else if (data.Values.NumberOf(cell) is { } number)
                {
                    json.WriteNumber("value", number);
                }
                else
                {
                    json.WriteNull("value");
                }

                json.WriteString("table", symbol.Table.Label);
                json.WriteStartArray("rowLabels");
                foreach (var label in symbol.Row.LabelPath)
                {
                    json.WriteStringValue(label);
                }

                json.WriteEndArray();
                json.WriteStartArray("columnLabels");
                foreach (var label in symbol.Column.LabelPath)
                {
                    json.WriteStringValue(label);
                }

                json.WriteEndArray();
                if (data.LocationOf(cell) is { } location)
                {
                    json.WriteStartObject("location");
                    json.WriteNumber("line", location.Line);
                    json.WriteNumber("column", location.Column);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    // Each section's text with the heading it was found under and where it begins in the document.
    private static void WriteProse(Utf8JsonWriter json, ReportData data)
    {
        json.WriteStartObject("prose");
        foreach (var section in data.Prose)
        {
            json.WriteStartObject(section.Section);
            json.WriteString("text", section.Text);
            if (section.Heading is not null)
            {
                json.WriteString("heading", section.Heading);
            }

            if (section.Location is { } location)
            {
                json.WriteStartObject("location");
                json.WriteNumber("line", location.Line);
                json.WriteNumber("column", location.Column);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
