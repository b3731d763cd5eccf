using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using ReportDsl.Cli.Files;
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
    private static readonly string[] Formats = [.. ResultWriters.Names];

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = Messages.Get("Validate_Inputs"),
            Arity = ArgumentArity.OneOrMore,
        };
        var spec = new Option<string?>("--spec") { Description = Messages.Get("Validate_Spec") };
        var format = new Option<string?>("--format") { Description = Messages.Get("Validate_Format") };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output") { Description = Messages.Get("Validate_Output") };
        output.AcceptOnlyFromAmong(Formats);
        var file = new Option<string?>("--out", "-o") { Description = Messages.Get("Validate_Out"), HelpName = "file" };
        var previous = new Option<string?>("--previous") { Description = Messages.Get("Validate_Previous") };
        var maxFindings = new Option<int>("--max-findings")
        {
            Description = Messages.Get("Validate_MaxFindings"),
            DefaultValueFactory = _ => DefaultMaxFindings,
        };
        maxFindings.Validators.Add(result =>
        {
            // A value that is not a number is already an error of its own; only a parsed one is checked here.
            if (result.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && value < 1)
            {
                result.AddError(Messages.Get("Validate_MaxFindingsTooSmall"));
            }
        });
        var command = new Command("validate", Messages.Get("Validate_Description"))
        {
            inputs,
            spec,
            format,
            file,
            output,
            previous,
            maxFindings,
        };
        command.SetAction(result =>
        {
            var kind = result.GetValue(format);
            var target = result.GetValue(file);
            if (kind is null && result.GetValue(output) is { } old)
            {
                Warn(context, PathProblem.DeprecatedOption("--output", "--format"));
                kind = old;
            }

            if (kind is null && target is { } named && Formats.Contains(named))
            {
                // Until this release "-o json" chose the format; it still does, for one release, with a warning.
                Warn(context, PathProblem.DeprecatedOption($"-o {named}", $"--format {named}"));
                (kind, target) = (named, null);
            }

            return Run(result.GetValue(inputs) ?? [], result.GetValue(spec), kind ?? "text", target, result.GetValue(previous), context, result.GetValue(maxFindings));
        });
        return command;
    }

    public static int Run(IReadOnlyList<string> inputs, string? specPath, string outputKind, string? outputPath, string? previousPath, CliContext context, int maxFindings = DefaultMaxFindings)
    {
        Interruption.StopsGracefully();
        if (SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        ReportData? previous = null;
        if (previousPath is not null)
        {
            var (data, errors, _) = ReadAny(previousPath, catalog, context, maxFindings);
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

        // The output is checked against the files named so far (spec, previous year), then opened, and the batch is
        // walked while it is validated: each input found is compared with the output, and the output is written only
        // when the run is complete and no input turned out to be it.
        SafeFileWriter.OutputFile? file = null;
        if (outputPath is not null and not "-")
        {
            file = context.Files.Open(outputPath, out var problem);
            if (file is null)
            {
                context.Error.WriteLine(problem?.ToString(CultureInfo.CurrentUICulture));
                return ExitCodes.UsageOrInput;
            }
        }

        context.Inputs.WatchFor(file?.Existing);
        var items = Expand(inputs, context);

        using (file)
        {
            var output = file?.Writer ?? context.Out;
            var interactive = file is null && context.IsConsole && !Console.IsOutputRedirected;
            var writer = ResultWriters.Create(outputKind, output, catalog) ?? (interactive ? new TextResultWriter(TextConsole(output)) : new TextResultWriter(output));

            var summary = new RunSummary();
            var showProgress = context.IsConsole && !Console.IsErrorRedirected && (file is not null || Console.IsOutputRedirected)
                && (inputs.Count > 1 || (inputs.Count == 1 && Directory.Exists(inputs[0])));
            if (showProgress)
            {
                var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                progressConsole.Progress().AutoClear(true).Start(progress =>
                {
                    // The batch is walked as it is validated, so its size is not known ahead: the bar counts files.
                    var task = progress.AddTask(Messages.Get("Validate_Progress"), autoStart: true, maxValue: double.MaxValue).IsIndeterminate();
                    Process(items, catalog, previous, maxFindings, writer, summary, context, done =>
                    {
                        output.Flush();
                        task.Increment(done);
                    });
                });
            }
            else
            {
                // Buffered output reaches a pipe batch by batch, not only at the end.
                Process(items, catalog, previous, maxFindings, writer, summary, context, _ => output.Flush());
            }

            if (context.Inputs.Conflict is { } input && outputPath is not null)
            {
                // Nothing was written: the temporary file goes with the dispose.
                context.Error.WriteLine(PathProblem.OutputIsInput(outputPath, input).ToString(CultureInfo.CurrentUICulture));
                return ExitCodes.UsageOrInput;
            }

            writer.Complete(summary);
            if (file?.Commit() is { } failed)
            {
                context.Error.WriteLine(failed.ToString(CultureInfo.CurrentUICulture));
                return ExitCodes.UsageOrInput;
            }

            if (outputKind != "text" || file is not null)
            {
                context.Error.WriteLine(Words.Summary(summary));
            }

            if (summary.Interrupted)
            {
                Warn(context, PathProblem.Interrupted(summary.Files));
                return ExitCodes.Interrupted;
            }

            return summary.Unreadable > 0 ? ExitCodes.UsageOrInput
                : summary.WithErrors > 0 ? ExitCodes.Findings
                : ExitCodes.Clean;
        }
    }

    private static void Warn(CliContext context, PathProblem problem) => context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));

    private static IEnumerable<InputItem> Expand(IReadOnlyList<string> inputs, CliContext context)
    {
        if (inputs is ["-"])
        {
            return [new InputItem("-", null)];
        }

        var walker = new InputWalker(context.Inputs, IsReport, Messages.Get("Report_Files"));
        var items = walker.Enumerate(inputs.Where(i => i != "-"), context.Interrupted);
        return inputs.Contains("-") ? items.Append(new InputItem("-", PathProblem.StandardInputNotAlone())) : items;
    }

    private static bool IsReport(string path) =>
        (path.EndsWith(".json", StringComparison.Ordinal) && !path.EndsWith(".schema.json", StringComparison.Ordinal)) || IsDocument(path);

    // A terminal: colour as it supports; lines are not wrapped (a terminal wraps by itself).
    private static IAnsiConsole TextConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 100_000;
        return console;
    }

    /// <summary>
    /// Validates in batches: each batch in parallel on all cores, written in input order, so memory stays flat however
    /// many files there are. While one batch is validated, the main thread writes the results of the one before and
    /// walks the folders for the one after, so the cores do not wait for that serial work. On a signal, the files
    /// already started finish, the results up to the first file not read are written, and the run ends there.
    /// </summary>
    private static void Process(IEnumerable<InputItem> items, SpecCatalog catalog, ReportData? previous, int maxFindings, IResultWriter writer, RunSummary summary, CliContext context, Action<int> progressed)
    {
        using var walk = items.GetEnumerator();
        var (current, next) = (new Batch(), new Batch());
        current.Fill(walk);
        var written = new Batch();
        while (current.Items.Count > 0 && !context.Interrupted.IsCancellationRequested)
        {
            var batch = current;
            var validating = Task.Run(() => Parallel.For(0, batch.Items.Count, i =>
            {
                if (!context.Interrupted.IsCancellationRequested)
                {
                    batch.Results[i] = ValidateOne(batch.Items[i], catalog, previous, maxFindings, context);
                }
            }));
            var complete = Write(written, writer, summary, progressed);
            if (complete)
            {
                next.Fill(walk);
            }

            validating.GetAwaiter().GetResult();
            if (!complete)
            {
                return;
            }

            // The batch just validated is written during the next one; the one written is refilled after it.
            (written, current, next) = (current, next, written);
        }

        if (Write(written, writer, summary, progressed))
        {
            summary.Interrupted = context.Interrupted.IsCancellationRequested;
        }
    }

    // Writes a validated batch in input order; false when a file in it was never validated (the run was interrupted).
    private static bool Write(Batch batch, IResultWriter writer, RunSummary summary, Action<int> progressed)
    {
        foreach (var result in batch.Results.AsSpan(0, batch.Items.Count))
        {
            if (result is null)
            {
                summary.Interrupted = true;
                return false;
            }

            writer.Write(result);
            summary.Add(result);
        }

        if (batch.Items.Count > 0)
        {
            progressed(batch.Items.Count);
        }

        return true;
    }

    private sealed class Batch
    {
        public List<InputItem> Items { get; } = new(BatchSize);

        public FileResult?[] Results { get; } = new FileResult?[BatchSize];

        public void Fill(IEnumerator<InputItem> walk)
        {
            Items.Clear();
            Array.Clear(Results);
            while (Items.Count < BatchSize && walk.MoveNext())
            {
                Items.Add(walk.Current);
            }
        }
    }

    private static FileResult ValidateOne(InputItem item, SpecCatalog catalog, ReportData? previous, int maxFindings, CliContext context)
    {
        if (item.Problem is { } problem)
        {
            return new FileResult(item.Path, null, null, null, [problem.ToFinding()], Unreadable: problem.IsError);
        }

        var path = item.Path;
        try
        {
            // The bytes go back to the pool when this file is done: the result keeps only what the findings say.
            using var input = InputReader.Lend(path, context, Documents.DocumentReader.MaxBytes, out var unread);
            var (data, errors, choice) = Interpret(path, input?.Memory, unread, catalog, maxFindings);
            if (data is null)
            {
                return new FileResult(path, null, null, null, errors, Unreadable: true);
            }

            // Findings past the cap are counted, not built (docs/validation.md).
            var validator = catalog.Find(data.FormatName, data.Version);
            var findings = validator is null
                ? new FindingList(data.ReadFindings, data.OmittedFindings, data.OmittedErrors)
                : validator.ValidateUpTo(data, previous, maxFindings);
            return new FileResult(path, data.FormatName, data.Version, choice, findings.Findings, Unreadable: false)
            {
                Omitted = findings.Omitted,
                OmittedErrors = findings.OmittedErrors,
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One bad file never stops the rest: whatever happened becomes this file's finding.
            return new FileResult(path, null, null, null, [ReportDataReader.Unreadable(path, exception.Message)], Unreadable: true);
        }
    }

    /// <summary>
    /// Reads report data from JSON, or extracts it from a document (text, Markdown, HTML, Word, PDF), detecting the
    /// format. Standard input ("-") has no name, so its kind is told from its first bytes.
    /// </summary>
    internal static (ReportData? Data, ImmutableArray<Finding> Errors, string Choice) ReadAny(string path, SpecCatalog catalog, CliContext context, int maxFindings = DefaultMaxFindings)
    {
        // A huge file is refused after its first bytes over the limit, so memory stays bounded whatever is passed in.
        var bytes = InputReader.Read(path, context, Documents.DocumentReader.MaxBytes, out var problem);
        return Interpret(path, bytes, problem, catalog, maxFindings);
    }

    // What was read (or why nothing was) as report data. The data may keep the bytes, to locate findings.
    private static (ReportData? Data, ImmutableArray<Finding> Errors, string Choice) Interpret(string path, ReadOnlyMemory<byte>? read, PathProblem? problem, SpecCatalog catalog, int maxFindings)
    {
        if (read is not { } bytes)
        {
            return (null, [problem?.ToFinding() ?? ReportDataReader.Unreadable(path, path)], string.Empty);
        }

        var extension = path == "-" ? KindOf(bytes.Span) : Path.GetExtension(path).ToLowerInvariant();
        if (!Documents.DocumentReader.Extensions.Contains(extension))
        {
            if (bytes.Length > ReportDataReader.MaxBytes)
            {
                // Only the limit and one byte more were read; a file's real size is told by the file system.
                var size = path == "-" ? bytes.Length : new FileInfo(path).Length;
                return (null, [ReportDataReader.TooLarge(path, size)], Words.Declared);
            }

            var json = ReportDataReader.Read(bytes, path, (name, version) => catalog.Find(name, version)?.Layout, catalog.Description, maxFindings);
            return (json.Data, json.Errors, Words.Declared);
        }

        var result = Documents.DocumentReader.ReadFile(bytes.Span, path, extension, catalog.All());
        return (result.Data, result.Errors, $"{Words.Detected}: {result.Evidence}");
    }

    internal static bool IsDocument(string path) =>
        Documents.DocumentReader.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Tells what standard input holds from its first bytes: a zip (.docx), a PDF, JSON, HTML, or text.</summary>
    internal static string KindOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return ".docx";
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return ".pdf";
        }

        var text = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        return start < 0 ? ".txt" : text[start] switch
        {
            (byte)'{' => ".json",
            (byte)'<' => ".html",
            _ => ".txt",
        };
    }
}
