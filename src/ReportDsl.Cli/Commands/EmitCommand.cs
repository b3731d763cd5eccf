using System.CommandLine;
using ReportDsl.Emit;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl emit json-schema &lt;spec&gt; [-o file]</c>: generates artefacts from a spec.</summary>
internal static class EmitCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("emit", "Generate artefacts from a spec.\nExample: reportdsl emit json-schema templates/gov-info-disclosure/2021.rdsl -o report.schema.json");
        var spec = new Argument<string>("spec") { Description = "A spec file (.rdsl) declaring one format." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write (atomically); standard output when omitted." };
        var schema = new Command("json-schema", "A JSON Schema (draft 2020-12) for the report data of the format.\nExample: reportdsl emit json-schema templates/gov-info-disclosure/2021.rdsl -o report.schema.json")
        {
            spec,
            output,
        };
        schema.SetAction(result => Run(result.GetValue(spec) ?? string.Empty, result.GetValue(output), context, JsonSchemaEmitter.Emit));
        command.Subcommands.Add(schema);
        return command;
    }

    internal static int Run(string specPath, string? outputPath, CliContext context, Func<Semantics.FormatSymbol, string> emit)
    {
        if (Validation.SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        if (catalog.Compilation.Formats is not [var format])
        {
            context.Error.WriteLine($"{specPath}: error: Give one spec file that declares one format.");
            return ExitCodes.UsageOrInput;
        }

        var text = emit(format);
        if (outputPath is null)
        {
            context.Out.Write(text);
        }
        else
        {
            SpecFiles.WriteAtomically(outputPath, text);
            context.Error.WriteLine($"{outputPath}: written");
        }

        return ExitCodes.Clean;
    }
}
