using System.Collections.Immutable;
using System.CommandLine;
using ReportDsl.Cli.Validation;
using ReportDsl.Validation;
using Spectre.Console;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl validate &lt;input&gt;...</c>: checks report data against the invariants of its format.</summary>
internal static class ValidateCommand
{
    private const int BatchSize = 512;

    /// <summary>The most findings listed per file unless --max-findings says otherwise.</summary>
    public const int DefaultMaxFindings = 1000;

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = "Report data (.json) or published reports (.txt, .md, .html, .htm, .docx), or folders to search for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var spec = new Option<string?>("--spec")
        {
            Description = "A spec file or folder (default: the bundled formats). The format is chosen by the data's declared format and version.",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "text (for people), json (docs/validation.md) or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json", "sarif");
        var previous = new Option<string?>("--previous")
        {
            Description = "Last year's report of the same agency, for the rules that compare years.",
        };
        var maxFindings = new Option<int>("--max-findings")
        {
            Description = "The most findings listed per file (default 1000); the rest are counted as \"N more\".",
            DefaultValueFactory = _ => DefaultMaxFindings,
        };
        maxFindings.Validators.Add(result =>
        {
            // A value that is not a number is already an error of its own; only a parsed one is checked here.
            if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value < 1)
            {
                result.AddError("--max-findings must be at least 1.");
            }
        });
        var command = new Command("validate", "Validate report data against its format: every rule, every value.\nExample: reportdsl validate templates/gov-info-disclosure/examples/2021-mistakes.json")
        {
            inputs,
            spec,
            output,
            previous,
            maxFindings,
        };
        command.SetAction(result => Run(result.GetValue(inputs) ?? [], result.GetValue(spec), result.GetValue(output) ?? "text", result.GetValue(previous), context, result.GetValue(maxFindings)));
        return command;
    }

    public static int Run(IReadOnlyList<string> inputs, string? specPath, string outputKind, string? previousPath, CliContext context, int maxFindings = DefaultMaxFindings)
    {
        if (SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        var files = ExpandInputs(inputs, context);
        if (files is null)
        {
            return ExitCodes.UsageOrInput;
        }

        ReportData? previous = null;
        if (previousPath is not null)
        {
            var (data, errors) = Read(previousPath, catalog, maxFindings);
            if (data is null)
            {
                foreach (var error in errors)
                {
                    context.Error.WriteLine($"{previousPath}: {error}");
                }

                return ExitCodes.UsageOrInput;
            }

            previous = data;
        }

        var interactive = ReferenceEquals(context, CliContext.Console) && !Console.IsOutputRedirected;
        IResultWriter writer = outputKind switch
        {
            "json" => new JsonResultWriter(context.Out),
            "sarif" => new SarifResultWriter(context.Out, catalog),
            _ => new TextResultWriter(TextConsole(context, interactive)),
        };

        var summary = new RunSummary();
        var showProgress = ReferenceEquals(context, CliContext.Console) && !Console.IsErrorRedirected && Console.IsOutputRedirected && files.Count > 1;
        if (showProgress)
        {
            var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            progressConsole.Progress().AutoClear(true).Start(progress =>
            {
                var task = progress.AddTask("validating", maxValue: files.Count);
                Process(files, catalog, previous, maxFindings, writer, summary, done => task.Increment(done));
            });
        }
        else
        {
            Process(files, catalog, previous, maxFindings, writer, summary, _ => { });
        }

        writer.Complete(summary);
        if (outputKind != "text")
        {
            context.Error.WriteLine(Words.Summary(summary));
        }

        return summary.Unreadable > 0 ? ExitCodes.UsageOrInput
            : summary.WithErrors > 0 ? ExitCodes.Findings
            : ExitCodes.Clean;
    }

    private static IAnsiConsole TextConsole(CliContext context, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Lines are not wrapped: redirected output is read by tools, and a terminal wraps by itself.
        console.Profile.Width = 100_000;
        return console;
    }

    /// <summary>
    /// Validates in batches: each batch in parallel on all cores and written in input order, so memory stays flat however
    /// many files there are. The next batch is validated while the current one is written, so the cores never wait
    /// for the output.
    /// </summary>
    private static void Process(List<string> files, SpecCatalog catalog, ReportData? previous, int maxFindings, IResultWriter writer, RunSummary summary, Action<int> progressed)
    {
        Task<FileResult[]> Validate(int start) => Task.Run(() =>
        {
            var results = new FileResult[Math.Min(BatchSize, files.Count - start)];
            Parallel.For(0, results.Length, i => results[i] = ValidateOne(files[start + i], catalog, previous, maxFindings));
            return results;
        });

        var next = files.Count > 0 ? Validate(0) : null;
        for (var start = 0; next is not null; start += BatchSize)
        {
            var results = next.GetAwaiter().GetResult();
            next = start + BatchSize < files.Count ? Validate(start + BatchSize) : null;
            foreach (var result in results)
            {
                writer.Write(result);
                summary.Add(result);
            }

            progressed(results.Length);
        }
    }

    private static FileResult ValidateOne(string path, SpecCatalog catalog, ReportData? previous, int maxFindings)
    {
        try
        {
            var (data, errors, choice) = ReadAny(path, catalog, maxFindings);
            if (data is null)
            {
                return new FileResult(path, null, null, null, errors, Unreadable: true);
            }

            var validator = catalog.Find(data.FormatName, data.Version);
            var findings = validator is null
                ? new FindingList(data.ReadFindings, data.OmittedFindings, data.OmittedErrors)
                : validator.Validate(data, ReferenceEquals(previous?.Values.Layout, validator.Layout) ? previous : null, maxFindings);
            return new FileResult(path, data.FormatName, data.Version, choice, findings.Findings, Unreadable: false)
            {
                Omitted = findings.Omitted,
                OmittedErrors = findings.OmittedErrors,
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One bad file never stops the rest: whatever happened becomes this file's finding.
            return new FileResult(path, null, null, null, [Failure(path, exception.Message)], Unreadable: true);
        }
    }

    /// <summary>Reads report data from JSON, or extracts it from a document (text, Markdown, HTML, Word), detecting the format.</summary>
    internal static (ReportData? Data, ImmutableArray<Finding> Errors, string Choice) ReadAny(string path, SpecCatalog catalog, int maxFindings = DefaultMaxFindings)
    {
        if (!IsDocument(path))
        {
            var (json, errors) = Read(path, catalog, maxFindings);
            return (json, errors, Words.Declared);
        }

        byte[] bytes;
        try
        {
            // A huge file is refused before it is read, so memory stays bounded whatever is passed in.
            bytes = new FileInfo(path).Length > Documents.DocumentReader.MaxBytes ? new byte[Documents.DocumentReader.MaxBytes + 1] : File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, [Failure(path, exception.Message)], string.Empty);
        }

        var result = Documents.DocumentReader.ReadFile(bytes, path, catalog.All());
        return (result.Data, result.Errors, $"{Words.Detected}: {result.Evidence}");
    }

    internal static bool IsDocument(string path) =>
        Documents.DocumentReader.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static (ReportData? Data, ImmutableArray<Finding> Errors) Read(string path, SpecCatalog catalog, int maxFindings)
    {
        byte[] bytes;
        try
        {
            // A huge file is refused by its size before it is read, so memory stays bounded whatever is passed in.
            // One open serves both the size and the read: a path lookup per file is measurable over 100,000 files.
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > ReportDataReader.MaxBytes)
            {
                return (null, [ReportDataReader.TooLarge(path, length)]);
            }

            bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var count and > 0)
            {
                read += count;
            }

            if (read < bytes.Length)
            {
                // The file shrank while it was read: what is there is what is read.
                Array.Resize(ref bytes, read);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, [Failure(path, exception.Message)]);
        }

        var result = ReportDataReader.Read(bytes, path, (name, version) => catalog.Find(name, version)?.Layout, catalog.Description, maxFindings);
        return (result.Data, result.Errors);
    }

    private static Finding Failure(string path, string reason) => ReportDataReader.Unreadable(path, reason);

    private static List<string>? ExpandInputs(IEnumerable<string> inputs, CliContext context)
    {
        var files = new List<string>();
        var ok = true;
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => (f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".schema.json", StringComparison.Ordinal)) || IsDocument(f))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                context.Error.WriteLine($"{input}: error: No such file or folder.");
                ok = false;
            }
        }

        if (ok && files.Count == 0)
        {
            context.Error.WriteLine("error: No report files found.");
            ok = false;
        }

        return ok ? files : null;
    }
}
