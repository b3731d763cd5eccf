using System.CommandLine;
using System.Globalization;
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
        var command = new Command("emit", Messages.Get("Emit_Description"));
        var spec = new Argument<string>("spec") { Description = Messages.Get("Emit_Spec") };
        var (output, deprecated) = OutputOptions.Create(Messages.Get("Emit_Out"));
        var schema = new Command("json-schema", Messages.Get("Emit_Schema"))
        {
            spec,
            output,
            deprecated,
        };
        schema.SetAction(result => Run(result.GetValue(spec) ?? string.Empty, OutputOptions.Get(result, output, deprecated, context), context, JsonSchemaEmitter.Emit));
        command.Subcommands.Add(schema);
        command.Subcommands.Add(CreateCSharp(context));
        return command;
    }

    private static Command CreateCSharp(CliContext context)
    {
        var spec = new Argument<string>("spec") { Description = Messages.Get("Emit_Spec") };
        var (output, deprecated) = OutputOptions.Create(Messages.Get("Emit_Out"));
        var @namespace = new Option<string>("--namespace")
        {
            Description = Messages.Get("Emit_Namespace"),
            DefaultValueFactory = _ => CSharpEmitter.DefaultNamespace,
        };
        var command = new Command("csharp", Messages.Get("Emit_CSharp"))
        {
            spec,
            output,
            deprecated,
            @namespace,
        };
        command.SetAction(result =>
        {
            var name = result.GetValue(@namespace) ?? CSharpEmitter.DefaultNamespace;
            if (!CSharpEmitter.IsValidNamespace(name))
            {
                context.Error.WriteLine(Messages.Format("Error_Prefix", Messages.Format("Emit_InvalidNamespace", name)));
                return ExitCodes.UsageOrInput;
            }

            return Run(result.GetValue(spec) ?? string.Empty, OutputOptions.Get(result, output, deprecated, context), context, format => CSharpEmitter.Emit(format, name));
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
            context.Error.WriteLine(Messages.Format("Emit_OneFormat", specPath));
            return ExitCodes.UsageOrInput;
        }

        var text = emit(format);
        if (outputPath is null or "-")
        {
            context.Out.Write(text);
        }
        else if (context.Files.Write(outputPath, text) is { } problem)
        {
            context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
            return ExitCodes.UsageOrInput;
        }
        else
        {
            context.Error.WriteLine(Messages.Format("Written", outputPath));
        }

        return ExitCodes.Clean;
    }
}
