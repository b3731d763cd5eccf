using System.CommandLine;
using ReportDsl.Emit;

namespace ReportDsl.Cli.Commands;

/// <summary>
/// <c>reportdsl emit json-schema &lt;spec&gt; [-o file]</c> and <c>reportdsl emit csharp &lt;spec&gt; [-o file] [--namespace N]</c>:
/// generates artefacts from a spec.
/// </summary>
internal static class EmitCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("emit", "Generate artefacts from a spec: json-schema, csharp.\nExample: reportdsl emit json-schema templates/gov-info-disclosure/2021.rdsl -o report.schema.json");
        var spec = new Argument<string>("spec") { Description = "A spec file (.rdsl) declaring one format." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write (atomically); standard output when omitted." };
        var schema = new Command("json-schema", "A JSON Schema (draft 2020-12) for the report data of the format.\nExample: reportdsl emit json-schema templates/gov-info-disclosure/2021.rdsl -o report.schema.json")
        {
            spec,
            output,
        };
        schema.SetAction(result => Run(result.GetValue(spec) ?? string.Empty, result.GetValue(output), context, JsonSchemaEmitter.Emit));
        command.Subcommands.Add(schema);
        command.Subcommands.Add(CreateCSharp(context));
        return command;
    }

    private static Command CreateCSharp(CliContext context)
    {
        var spec = new Argument<string>("spec") { Description = "A spec file (.rdsl) declaring one format." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write (atomically); standard output when omitted." };
        var @namespace = new Option<string>("--namespace")
        {
            Description = "The namespace of the generated types.",
            DefaultValueFactory = _ => CSharpEmitter.DefaultNamespace,
        };
        var command = new Command(
            "csharp",
            "A self-contained C# validator for the format (no dependency on ReportDsl): a typed Report, a Finding record and Validator.Validate.\n"
            + "Example: reportdsl emit csharp templates/gov-info-disclosure/2021.rdsl -o GovInfoDisclosure2021.cs --namespace MyAgency.Reports")
        {
            spec,
            output,
            @namespace,
        };
        command.SetAction(result =>
        {
            var name = result.GetValue(@namespace) ?? CSharpEmitter.DefaultNamespace;
            if (!CSharpEmitter.IsValidNamespace(name))
            {
                context.Error.WriteLine($"error: \"{name}\" is not a valid C# namespace.");
                return ExitCodes.UsageOrInput;
            }

            return Run(result.GetValue(spec) ?? string.Empty, result.GetValue(output), context, format => CSharpEmitter.Emit(format, name));
        });
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
