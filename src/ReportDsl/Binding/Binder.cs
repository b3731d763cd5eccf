using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Text;

namespace ReportDsl.Binding;

/// <summary>
/// Binds one file: declarations become symbols, names become references, and every semantic rule of the language is
/// checked. Missing tokens were reported by the parser; binding skips them without a second diagnostic.
/// </summary>
internal sealed partial class Binder
{
    private static readonly string[] KnownProperties = ["source", "title", "years"];

    private readonly SyntaxTree _ownTree;
    private readonly Func<string, string, BoundSpec?> _resolve;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<(TableSymbol Table, RuleDeclarationSyntax Syntax, SyntaxTree Tree)> _pendingRules = [];

    // The file being bound: the binder's own file, or the file of a part inherited through "extends".
    private SyntaxTree _tree;
    private SourceText _source;

    private Binder(SyntaxTree tree, Func<string, string, BoundSpec?> resolve)
    {
        _ownTree = tree;
        _tree = tree;
        _source = tree.Text;
        _resolve = resolve;
    }

    /// <summary>Binds a file on its own. The format is null when the file declares none.</summary>
    public static (FormatSymbol? Format, ImmutableArray<Diagnostic> Diagnostics) Bind(SyntaxTree tree)
    {
        var (format, diagnostics, _) = Bind(tree, (_, _) => null);
        return (format, diagnostics);
    }

    /// <summary>
    /// Binds a file; <paramref name="resolve"/> finds an earlier format named by <c>extends</c> or <c>revises</c>
    /// (already bound), or returns null when it is not among the specs.
    /// </summary>
    public static (FormatSymbol? Format, ImmutableArray<Diagnostic> Diagnostics, EffectiveSpec? Effective) Bind(SyntaxTree tree, Func<string, string, BoundSpec?> resolve)
    {
        var binder = new Binder(tree, resolve);
        try
        {
            var (format, effective) = binder.BindFile();
            return (format, [.. binder._diagnostics], effective);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return (null, [.. binder._diagnostics, DiagnosticCatalog.InternalError(tree.Text, default, exception.Message)], null);
        }
    }

    private void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private void Use(SyntaxTree tree)
    {
        _tree = tree;
        _source = tree.Text;
    }

    /// <summary>Gets whether the parser reported an error inside a node, so that binding it would only repeat the problem.</summary>
    private bool ContainsSyntaxError(SyntaxNode node)
    {
        if (_tree.Diagnostics.IsEmpty)
        {
            return false;
        }

        var span = node.FullSpan;
        return _tree.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Span.Start >= span.Start && d.Span.Start <= span.End);
    }

    private (FormatSymbol? Format, EffectiveSpec? Effective) BindFile()
    {
        var root = _tree.Root;
        var formats = root.Declarations.OfType<FormatDeclarationSyntax>().ToList();
        if (formats.Count == 0)
        {
            Report(DiagnosticCatalog.MissingFormatDeclaration(_source, FirstTokenSpan(root)));
        }

        foreach (var extra in formats.Skip(1))
        {
            Report(DiagnosticCatalog.DuplicateFormatDeclaration(_source, extra.FormatKeyword.Span));
        }

        var earlier = formats.Count > 0 ? ResolveEarlier(formats[0]) : null;
        _namesEarlier = formats.Count > 0 && formats[0].Relation is not null;
        var isExtension = formats.Count > 0 && formats[0].Relation is { IsExtends: true };
        var format = formats.Count > 0 ? BindFormatHeader(formats[0], isExtension ? earlier?.Format : null) : new FormatSymbol(string.Empty, _source, default, string.Empty);
        format.Earlier = earlier?.Format;
        format.IsExtension = isExtension;
        var effective = Effective(root, isExtension ? earlier?.Effective : null, isExtension);
        format.Sections = BindSections(effective);
        Use(_ownTree);
        CheckUniqueNames(format.Tables.Select(t => (t.Name, t.NameSpan)), new LocalizableText("Scope_Format"));
        CheckUniqueLabels(format.Tables.Select(t => (t.Name, t.Label, t.Aliases, t.NameSpan)), new LocalizableText("Scope_Format"));
        BindRules(format);
        AddImpliedRules(format);
        Use(_ownTree);
        CheckLineage(format);
        return formats.Count > 0 ? (format, effective) : (null, null);
    }

    private static TextSpan FirstTokenSpan(CompilationUnitSyntax root)
    {
        var first = root.DescendantTokens().FirstOrDefault(t => !t.IsMissing && t.Kind != SyntaxKind.EndOfFileToken);
        return first?.Span ?? new TextSpan(0, 0);
    }

    private FormatSymbol BindFormatHeader(FormatDeclarationSyntax syntax, FormatSymbol? inherited)
    {
        var version = syntax.Version.IsMissing ? string.Empty : syntax.Version.ValueText;
        var format = new FormatSymbol(syntax.Name.Text, _source, syntax.Name.Span, version);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in syntax.Properties)
        {
            var name = property.Name.Text;
            if (property.Name.IsMissing)
            {
                continue;
            }

            if (!KnownProperties.Contains(name))
            {
                Report(DiagnosticCatalog.UnknownProperty(_source, property.Name.Span, name, KnownProperties));
                continue;
            }

            if (!seen.Add(name))
            {
                Report(DiagnosticCatalog.DuplicateProperty(_source, property.Name.Span, name));
                continue;
            }

            if (property.Value.IsMissing)
            {
                continue;
            }

            var isYears = name == "years";
            var isString = property.Value.Kind == SyntaxKind.StringToken && property.DotDot is null;
            var isRange = property.Value.Kind == SyntaxKind.IntegerToken;
            if (isYears != isRange || (!isYears && !isString))
            {
                Report(DiagnosticCatalog.InvalidPropertyValue(_source, property.Span, name, isYears));
                continue;
            }

            switch (name)
            {
                case "title":
                    format.Title = property.Value.ValueText;
                    break;
                case "source":
                    format.Document = property.Value.ValueText;
                    break;
                default:
                    BindYears(format, property);
                    break;
            }
        }

        if (inherited is not null)
        {
            // A format that extends another inherits the properties it does not state.
            format.Title ??= inherited.Title;
            format.Document ??= inherited.Document;
            if (!seen.Contains("years"))
            {
                format.FirstYear = inherited.FirstYear;
                format.LastYear = inherited.LastYear;
            }
        }
        else if (!syntax.Name.IsMissing && syntax.Relation is not { IsExtends: true })
        {
            foreach (var required in KnownProperties.Where(p => !seen.Contains(p)))
            {
                Report(DiagnosticCatalog.MissingProperty(_source, syntax.Name.Span, required));
            }
        }

        return format;
    }

    private void BindYears(FormatSymbol format, FormatPropertySyntax property)
    {
        if (property.Value.Value is not long first || first is < 1 or > 9999)
        {
            Report(DiagnosticCatalog.InvalidPropertyValue(_source, property.Span, "years", years: true));
            return;
        }

        format.FirstYear = (int)first;
        if (property.DotDot is null)
        {
            format.LastYear = (int)first;
            return;
        }

        if (property.EndValue is { Value: long last })
        {
            if (last < first || last > 9999)
            {
                Report(DiagnosticCatalog.InvalidYearRange(_source, property.Span, first, last));
                return;
            }

            format.LastYear = (int)last;
        }
    }

    private ImmutableArray<SectionSymbol> BindSections(EffectiveSpec effective)
    {
        var sections = new List<SectionSymbol>();
        foreach (var entry in effective.Sections)
        {
            var syntax = entry.Syntax;
            Use(entry.Tree);
            var modifiers = BindModifiers(syntax.Modifiers, [SyntaxKind.RequiredKeyword, SyntaxKind.OptionalKeyword], "On_Section");
            var isProse = syntax.Tables is null;
            var section = new SectionSymbol(
                syntax.Name.Text,
                _source,
                syntax.Name.Span,
                syntax.Labels.Label.ValueText,
                Aliases(syntax.Labels),
                !modifiers.Contains(SyntaxKind.OptionalKeyword),
                isProse);
            section.Lineage = BindLineage(syntax.Lineage);
            section.Facts = BindFacts(section, syntax);
            if (syntax.Tables is not null)
            {
                if (entry.Tables.IsEmpty && !syntax.Name.IsMissing)
                {
                    Report(DiagnosticCatalog.EmptySection(_source, syntax.Name.Span, syntax.Name.Text));
                }

                section.Tables = [.. entry.Tables.Select(t => BindTable(t, effective, section))];
            }

            sections.Add(section);
        }

        Use(_ownTree);

        CheckUniqueNames(sections.Select(s => (s.Name, s.NameSpan)), new LocalizableText("Scope_Format"));
        CheckUniqueLabels(sections.Select(s => (s.Name, s.Label, s.Aliases, s.NameSpan)), new LocalizableText("Scope_Format"));
        return [.. sections];
    }

    private static ImmutableArray<string> Aliases(LabelsSyntax labels) =>
        [.. labels.Aliases.Where(a => !a.Label.IsMissing).Select(a => a.Label.ValueText)];

    private HashSet<SyntaxKind> BindModifiers(SyntaxList<SyntaxToken> modifiers, SyntaxKind[] allowed, string placeKey)
    {
        var seen = new HashSet<SyntaxKind>();
        foreach (var modifier in modifiers)
        {
            if (!allowed.Contains(modifier.Kind))
            {
                Report(DiagnosticCatalog.ModifierNotAllowed(_source, modifier.Span, modifier.Text, placeKey));
                continue;
            }

            if (!seen.Add(modifier.Kind))
            {
                Report(DiagnosticCatalog.DuplicateModifier(_source, modifier.Span, modifier.Text));
                continue;
            }

            var conflict = modifier.Kind switch
            {
                SyntaxKind.RequiredKeyword => SyntaxKind.OptionalKeyword,
                SyntaxKind.OptionalKeyword => SyntaxKind.RequiredKeyword,
                SyntaxKind.ExhaustiveKeyword => SyntaxKind.NonexhaustiveKeyword,
                SyntaxKind.NonexhaustiveKeyword => SyntaxKind.ExhaustiveKeyword,
                SyntaxKind.SubtotalKeyword => SyntaxKind.HeaderKeyword,
                SyntaxKind.HeaderKeyword => SyntaxKind.SubtotalKeyword,
                _ => SyntaxKind.None,
            };
            if (conflict != SyntaxKind.None && seen.Contains(conflict))
            {
                var other = modifiers.First(m => m.Kind == conflict);
                Report(DiagnosticCatalog.ConflictingModifiers(_source, modifier.Span, modifier.Text, other.Text));
                seen.Remove(modifier.Kind);
            }
        }

        return seen;
    }

    private void CheckUniqueNames(IEnumerable<(string Name, TextSpan Span)> items, object scope) =>
        CheckUniqueNames(items.Select(i => (i.Name, i.Span, _source)), scope);

    // Each item with its own file: the rows of an inherited table may come from the extending file too.
    private void CheckUniqueNames(IEnumerable<(string Name, TextSpan Span, SourceText Source)> items, object scope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, span, source) in items)
        {
            if (name.Length > 0 && !seen.Add(name))
            {
                Report(DiagnosticCatalog.DuplicateName(source, span, name, scope));
            }
        }
    }

    private void CheckUniqueLabels(IEnumerable<(string Name, string Label, ImmutableArray<string> Aliases, TextSpan Span)> items, object scope) =>
        CheckUniqueLabels(items.Select(i => (i.Name, i.Label, i.Aliases, i.Span, _source)), scope);

    private void CheckUniqueLabels(IEnumerable<(string Name, string Label, ImmutableArray<string> Aliases, TextSpan Span, SourceText Source)> items, object scope)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, label, aliases, span, source) in items)
        {
            foreach (var text in aliases.Prepend(label))
            {
                if (text.Length == 0)
                {
                    continue;
                }

                if (owners.TryGetValue(text, out var owner))
                {
                    Report(DiagnosticCatalog.DuplicateLabel(source, span, text, owner, scope));
                }
                else
                {
                    owners[text] = name;
                }
            }
        }
    }
}
