using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportDsl.Semantics;

namespace ReportDsl.Emit;

/// <summary>
/// Writes a JSON Schema (draft 2020-12) for the report data of a format, so that data-entry systems can check the shape
/// of a report before they send it. Output is deterministic: cells in spec order, LF line endings.
/// </summary>
public static class JsonSchemaEmitter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Emits the schema text.</summary>
    public static string Emit(FormatSymbol format)
    {
        ArgumentNullException.ThrowIfNull(format);
        // Existence rules cannot be schema constraints (their conditions read other cells), so they are said in descriptions.
        var existence = format.Rules.Where(r => r.IsPresence).SelectMany(r => r.Expand()).ToList();
        var cellRules = existence.SelectMany(i => i.TargetCells().Select(t => (t.Cell.Id, i.Rule.Code))).Distinct().ToLookup(p => p.Id, p => p.Code);
        var textRules = existence
            .Select(i => (Text: i.LeftValue is PresenceValue { Cells.IsEmpty: true } presence ? presence.Text : null, i.Rule.Code))
            .Where(p => p.Text is not null)
            .Select(p => (Name: p.Text?.Name ?? string.Empty, p.Code)).Distinct().ToLookup(p => p.Name, p => p.Code);
        static string Required(IEnumerable<string> codes) => codes.Any()
            ? $" Existence rules {string.Join(", ", codes)} require it (where their conditions hold)."
            : string.Empty;

        var cells = new JsonObject();
        foreach (var cell in format.Tables.SelectMany(t => t.Cells))
        {
            var value = ValueSchema(cell.Type);
            var description = $"{cell.Table.Label} / {string.Join(" / ", cell.Row.LabelPath)} / {string.Join(" / ", cell.Column.LabelPath)}{Required(cellRules[cell.Id])}";
            cells[cell.Id] = new JsonObject
            {
                ["description"] = description,
                ["anyOf"] = new JsonArray(
                    value,
                    new JsonObject { ["type"] = "null" },
                    new JsonObject { ["const"] = string.Empty },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["value"] = new JsonObject { ["anyOf"] = new JsonArray(ValueSchema(cell.Type), new JsonObject { ["type"] = "null" }) },
                            ["table"] = new JsonObject { ["type"] = "string" },
                            ["rowLabels"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                            ["columnLabels"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                        },
                        ["required"] = new JsonArray("value"),
                    }),
            };
        }

        var prose = new JsonObject();
        foreach (var section in format.Sections)
        {
            var facts = section.Facts.IsEmpty
                ? string.Empty
                : " Facts read from it: " + string.Join("; ", section.Facts.Select(f => $"{f.Name} ({f.Label}, {f.Type}, pattern {f.Pattern})")) + ".";
            prose[section.Name] = new JsonObject
            {
                ["description"] = $"The text of {section.Label}{(section.IsRequired && section.IsProse ? " (required)" : string.Empty)}.{facts}{Required(textRules[section.Name])}",
                ["$ref"] = "#/$defs/prose",
            };
        }

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:reportdsl:{format.Name}:{format.Version}",
            ["title"] = format.Title is null ? format.Name : $"{format.Title}（{format.Version}）",
            ["description"] = $"Report data for {format.Name} version {format.Version} ({format.Document}). A missing, null or blank cell is missing, never 0.",
            ["type"] = "object",
            ["required"] = new JsonArray("format", "version", "cells"),
            ["$defs"] = new JsonObject { ["prose"] = ProseSchema() },
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string" },
                ["format"] = new JsonObject { ["const"] = format.Name },
                ["version"] = new JsonObject { ["const"] = format.Version },
                ["agency"] = new JsonObject { ["type"] = "string", ["description"] = "The agency that published the report." },
                ["year"] = new JsonObject { ["type"] = "integer", ["description"] = "The report year." },
                ["prose"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "The text of the report's sections, by section id. Without it the data is table data only: the facts the text states and the required sections' text are not checked.",
                    ["properties"] = prose,
                    ["additionalProperties"] = false,
                },
                ["cells"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = cells,
                    ["additionalProperties"] = false,
                },
            },
        };
        return schema.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject ProseSchema() => new()
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string" },
            new JsonObject { ["type"] = "null" },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["text"] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "null" }) },
                    ["heading"] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "null" }) },
                    ["location"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["line"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                            ["column"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                        },
                        ["required"] = new JsonArray("line", "column"),
                        ["additionalProperties"] = false,
                    },
                },
                ["required"] = new JsonArray("text"),
                ["additionalProperties"] = false,
            }),
    };

    private static JsonObject ValueSchema(CellType type)
    {
        var schema = type.Kind switch
        {
            CellTypeKind.Count => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
            CellTypeKind.Integer => new JsonObject { ["type"] = "integer" },
            CellTypeKind.Text => new JsonObject { ["type"] = "string" },
            CellTypeKind.Date => new JsonObject { ["type"] = "string", ["format"] = "date" },
            CellTypeKind.Boolean => new JsonObject { ["type"] = "boolean" },
            CellTypeKind.Enum => new JsonObject { ["enum"] = new JsonArray([.. type.Words.Select(w => (JsonNode?)JsonValue.Create(w))]) },
            CellTypeKind.Percent => new JsonObject
            {
                ["type"] = "number",
                ["multipleOf"] = JsonValue.Create(Step(type.Precision)),
                ["description"] = $"A percentage (85.5 for 85.5 %), at most {type.Precision} decimal places.",
            },
            _ => new JsonObject
            {
                ["type"] = "number",
                ["multipleOf"] = JsonValue.Create(Step(type.Precision)),
                ["description"] = type.Unit is null ? $"At most {type.Precision} decimal places." : $"In {type.Unit}, at most {type.Precision} decimal places.",
            },
        };
        if (type.Minimum is { } minimum)
        {
            schema["minimum"] = JsonValue.Create(minimum);
        }

        if (type.Maximum is { } maximum)
        {
            schema["maximum"] = JsonValue.Create(maximum);
        }

        if (type.Pattern is { } pattern)
        {
            schema["pattern"] = pattern;
        }

        if (type.Default is { } value)
        {
            schema["description"] = ((string?)schema["description"] is { } description ? description + " " : string.Empty) + $"Blank takes the default {value}.";
        }

        return schema;
    }

    private static decimal Step(int precision)
    {
        var step = 1m;
        for (var i = 0; i < precision; i++)
        {
            step /= 10;
        }

        return step;
    }
}
