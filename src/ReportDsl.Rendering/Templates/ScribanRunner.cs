using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportDsl.Rendering.Templates;

/// <summary>
/// Runs a Scriban template against a model in a sandbox: the model is plain script objects (no .NET object is reachable),
/// loops, recursion, output and time are bounded, includes resolve only through an <see cref="ITemplateSource"/>, and
/// every parse or runtime error becomes an RD40xx diagnostic in the template file, never an exception.
/// </summary>
internal sealed class ScribanRunner
{
    // Parsed templates are shared across renders, keyed by path and text so that an edited file is parsed again.
    private static readonly ConcurrentDictionary<(string Path, string Text), Parsed> ParseCache = new();

    private readonly ITemplateSource _source;

    public ScribanRunner(ITemplateSource source) => _source = source;

    public (string? Output, ImmutableArray<Diagnostic> Diagnostics) Run(string entry, ScriptObject model, TemplateLimits limits, CancellationToken cancellation)
    {
        var loader = new Loader(_source);
        if (!_source.TryGet(entry, out var file))
        {
            var missing = SourceText.From(string.Empty, entry + ".sbn");
            return (null, [DiagnosticCatalog.TemplateNotFound(missing, default, entry, _source.Description)]);
        }

        var parsed = Parse(file);
        if (!parsed.Diagnostics.IsEmpty)
        {
            return (null, parsed.Diagnostics);
        }

        loader.Files[file.Path] = file;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(limits.Time);
        var context = new TemplateContext
        {
            TemplateLoader = loader,
            LoopLimit = limits.LoopIterations,
            RecursiveLimit = limits.Recursion,
            ObjectRecursionLimit = limits.Recursion,
            OutputLimit = limits.OutputCharacters,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = limits.OutputCharacters,
            MemberFilter = static _ => false,
            StrictVariables = true,
            NewLine = "\n",
            CancellationToken = timeout.Token,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(model);
        loader.Context = context;
        try
        {
            var output = parsed.Template.Render(context);
            return (output.ReplaceLineEndings("\n"), []);
        }
        catch (ScriptRuntimeException) when (loader.Problems.Count > 0)
        {
            // An include that is missing or does not parse: its own diagnostics say more than Scriban's wrapper.
            return (null, [.. loader.Problems]);
        }
        catch (ScriptAbortException exception)
        {
            return (null, [Limit(exception.Span, loader, file, $"time limit ({limits.Time.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)")]);
        }
        catch (ScriptRuntimeException exception)
        {
            var message = exception.OriginalMessage ?? exception.Message;
            var (source, span) = Locate(exception.Span, loader, file);

            // Scriban reports its limits as runtime errors; they are a separate condition for the author (RD4003).
            if (LimitName(message, limits) is { } limit)
            {
                return (null, [DiagnosticCatalog.TemplateLimitExceeded(source, span, limit)]);
            }

            return (null, [DiagnosticCatalog.TemplateRuntimeError(source, span, message)]);
        }
        catch (OperationCanceledException)
        {
            var source = SourceText.From(file.Text, file.Path);
            return (null, [DiagnosticCatalog.TemplateLimitExceeded(source, default, $"time limit ({limits.Time.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)")]);
        }
    }

    private static string? LimitName(string message, TemplateLimits limits)
    {
        if (message.Contains("iteration", StringComparison.OrdinalIgnoreCase))
        {
            return $"loop limit ({limits.LoopIterations.ToString(CultureInfo.InvariantCulture)} iterations)";
        }

        if (message.Contains("recursi", StringComparison.OrdinalIgnoreCase) || message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return $"recursion limit (depth {limits.Recursion.ToString(CultureInfo.InvariantCulture)})";
        }

        return message.Contains("output", StringComparison.OrdinalIgnoreCase) && message.Contains("limit", StringComparison.OrdinalIgnoreCase)
            ? $"output limit ({limits.OutputCharacters.ToString(CultureInfo.InvariantCulture)} characters)"
            : null;
    }

    private static Diagnostic Limit(SourceSpan span, Loader loader, TemplateFile entry, string limit)
    {
        var (source, textSpan) = Locate(span, loader, entry);
        return DiagnosticCatalog.TemplateLimitExceeded(source, textSpan, limit);
    }

    private static (SourceText Source, TextSpan Span) Locate(SourceSpan span, Loader loader, TemplateFile entry)
    {
        var file = span.FileName is { } name && loader.Files.TryGetValue(name, out var included) ? included : entry;
        return (SourceText.From(file.Text, file.Path), ToSpan(span, file.Text));
    }

    private static TextSpan ToSpan(SourceSpan span, string text)
    {
        var start = Math.Clamp(span.Start.Offset, 0, text.Length);
        var end = Math.Clamp(span.End.Offset + 1, start, text.Length);
        return new TextSpan(start, end - start);
    }

    private static Parsed Parse(TemplateFile file) => ParseCache.GetOrAdd((file.Path, file.Text), static key =>
    {
        var template = Template.Parse(key.Text, key.Path);
        var source = SourceText.From(key.Text, key.Path);
        var diagnostics = template.Messages
            .Where(m => m.Type == ParserMessageType.Error)
            .Select(m => DiagnosticCatalog.TemplateSyntaxError(source, ToSpan(m.Span, key.Text), m.Message))
            .ToImmutableArray();
        return new Parsed(template, diagnostics);
    });

    private sealed record Parsed(Template Template, ImmutableArray<Diagnostic> Diagnostics);

    /// <summary>Resolves includes through the template source and hands Scriban the templates already parsed.</summary>
    private sealed class Loader(ITemplateSource source) : ITemplateLoader
    {
        public TemplateContext? Context { get; set; }

        public Dictionary<string, TemplateFile> Files { get; } = new(StringComparer.Ordinal);

        public List<Diagnostic> Problems { get; } = [];

        // An include inside a loop (one per cell) resolves once per render.
        private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (_resolved.TryGetValue(templateName, out var known))
            {
                return known;
            }

            if (!source.TryGet(templateName, out var file))
            {
                Problems.Add(DiagnosticCatalog.TemplateNotFound(Caller(callerSpan), CallerSpan(callerSpan), templateName, source.Description));
                throw new ScriptRuntimeException(callerSpan, $"The template \"{templateName}\" was not found.");
            }

            var parsed = Parse(file);
            if (!parsed.Diagnostics.IsEmpty)
            {
                Problems.AddRange(parsed.Diagnostics);
                throw new ScriptRuntimeException(callerSpan, $"The template \"{templateName}\" has errors.");
            }

            Files[file.Path] = file;
            context.CachedTemplates.TryAdd(file.Path, parsed.Template);
            _resolved[templateName] = file.Path;
            return file.Path;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            Files.TryGetValue(templatePath, out var file) ? file.Text : string.Empty;

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

        private SourceText Caller(SourceSpan span) =>
            span.FileName is { } name && Files.TryGetValue(name, out var file)
                ? SourceText.From(file.Text, file.Path)
                : SourceText.From(string.Empty, span.FileName ?? string.Empty);

        private TextSpan CallerSpan(SourceSpan span) =>
            span.FileName is { } name && Files.TryGetValue(name, out var file) ? ToSpan(span, file.Text) : new TextSpan(Math.Max(0, span.Start.Offset), 0);
    }
}
