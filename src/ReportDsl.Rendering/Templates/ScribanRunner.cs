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
    /// <summary>The most parsed templates kept (each text of each file counts once; a preview sees a new text at every save).</summary>
    internal const int CacheCapacity = 256;

    // Parsed templates are shared across renders, keyed by path and text so that an edited file is parsed again.
    private static readonly BoundedCache<(string Path, string Text), Parsed> ParseCache = new(CacheCapacity);

    // Templates with their leaf includes spliced in, keyed by the template and the files those includes resolved to.
    private static readonly BoundedCache<(string Path, string Text, string Leaves), Template> PreparedCache = new(CacheCapacity);

    private readonly ITemplateSource _source;
    private readonly bool _inline;

    /// <summary>Creates a runner; <paramref name="inline"/> false keeps every include as Scriban runs it (tests compare both).</summary>
    public ScribanRunner(ITemplateSource source, bool inline = true)
    {
        _source = source;
        _inline = inline;
    }

    internal static int ParsedCount => ParseCache.Count;

    internal static int PreparedCount => PreparedCache.Count;

    public (string? Output, ImmutableArray<Diagnostic> Diagnostics) Run(string entry, IScriptObject model, TemplateLimits limits, CancellationToken cancellation)
    {
        var loader = new Loader(this);
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
        var template = Prepare(file, parsed, loader);

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

        // The model is read-only: what a template assigns goes into its own scope above it.
        context.PushGlobal(new ScriptObject());
        loader.Context = context;
        try
        {
            var output = template.Render(context);
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
        if (!diagnostics.IsEmpty)
        {
            return new Parsed(template, diagnostics, [], IsLeaf: false);
        }

        var shape = new Shape();
        shape.Visit(template.Page);
        return new Parsed(template, diagnostics, [.. shape.Sites.Select(s => s.Name).Distinct(StringComparer.Ordinal)], shape.IsLeaf);
    });

    /// <summary>
    /// Gets the template to run for a file: the parsed template, or a copy of it in which each <c>{{ include 'name' }}</c>
    /// of a leaf template (one that includes nothing and has no locals, functions, return, break or continue, so running
    /// it in place prints what the include would) is replaced by that template's statements. The bundled table templates
    /// include their cell template once per cell; spliced in, a cell costs no include, whether the cell template is the
    /// bundled one or the author's.
    /// </summary>
    private Template Prepare(TemplateFile file, Parsed parsed, Loader loader)
    {
        if (!_inline || parsed.Includes.IsEmpty)
        {
            return parsed.Template;
        }

        var leaves = new List<(string Name, TemplateFile File)>();
        foreach (var name in parsed.Includes)
        {
            if (_source.TryGet(name, out var leaf) && Parse(leaf) is { Diagnostics.IsEmpty: true, IsLeaf: true })
            {
                leaves.Add((name, leaf));
                loader.Files[leaf.Path] = leaf;
            }
        }

        if (leaves.Count == 0)
        {
            return parsed.Template;
        }

        var key = (file.Path, file.Text, string.Join('\0', leaves.Select(l => l.Name + '\0' + l.File.Path + '\0' + l.File.Text)));
        return PreparedCache.GetOrAdd(key, _ => Splice(file, leaves));
    }

    // Splices into a fresh parse, so that the cached plain template is never changed.
    private static Template Splice(TemplateFile file, List<(string Name, TemplateFile File)> leaves)
    {
        var template = Template.Parse(file.Text, file.Path);
        var shape = new Shape();
        shape.Visit(template.Page);
        foreach (var (block, index, name) in shape.Sites)
        {
            if (leaves.FirstOrDefault(l => l.Name == name).File is { } leaf && Template.Parse(leaf.Text, leaf.Path).Page is { Body: { } body } page)
            {
                page.Body = null;
                block.Statements[index] = body;
            }
        }

        return template;
    }

    private static bool IsInclude(ScriptStatement statement, out string name)
    {
        name = string.Empty;
        if (statement is ScriptExpressionStatement { Expression: ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" }, Arguments: [ScriptLiteral { Value: string literal }] } })
        {
            name = literal;
            return true;
        }

        return false;
    }

    private sealed record Parsed(Template Template, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Includes, bool IsLeaf);

    /// <summary>Finds the statements that are a lone include of a literal name, and whether a template can be spliced in place.</summary>
    private sealed class Shape : ScriptVisitor
    {
        public List<(ScriptBlockStatement Block, int Index, string Name)> Sites { get; } = [];

        public bool IsLeaf { get; private set; } = true;

        public override void Visit(ScriptNode? node)
        {
            switch (node)
            {
                case ScriptBlockStatement block:
                    for (var i = 0; i < block.Statements.Count; i++)
                    {
                        if (IsInclude(block.Statements[i], out var name))
                        {
                            Sites.Add((block, i, name));
                        }
                    }

                    break;
                case ScriptVariableGlobal { Name: "include" } or ScriptVariableLocal or ScriptFunction or ScriptReturnStatement or ScriptBreakStatement or ScriptContinueStatement:
                    IsLeaf = false;
                    break;
            }

            base.Visit(node);
        }
    }

    /// <summary>Resolves includes through the template source and hands Scriban the templates already parsed.</summary>
    private sealed class Loader(ScribanRunner runner) : ITemplateLoader
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

            if (!runner._source.TryGet(templateName, out var file))
            {
                Problems.Add(DiagnosticCatalog.TemplateNotFound(Caller(callerSpan), CallerSpan(callerSpan), templateName, runner._source.Description));
                throw new ScriptRuntimeException(callerSpan, $"The template \"{templateName}\" was not found.");
            }

            var parsed = Parse(file);
            if (!parsed.Diagnostics.IsEmpty)
            {
                Problems.AddRange(parsed.Diagnostics);
                throw new ScriptRuntimeException(callerSpan, $"The template \"{templateName}\" has errors.");
            }

            Files[file.Path] = file;
            context.CachedTemplates.TryAdd(file.Path, runner.Prepare(file, parsed, this));
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
