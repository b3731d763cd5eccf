using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using ReportDsl.Parsing.Generated;
using ReportDsl.Syntax;
using P = ReportDsl.Parsing.Generated.ReportDslParser;

namespace ReportDsl.Parsing;

/// <summary>
/// Turns ANTLR's parse tree into our immutable syntax tree. Rule contexts may be partial after an error: absent
/// tokens become missing tokens (already reported by the parser), and alternatives the parser could not choose are
/// dropped, because their tokens were skipped and kept as trivia.
/// </summary>
internal sealed class SyntaxBuilder(SyntaxToken?[] tokens, SyntaxToken endOfFile)
{
    private int _lastEnd;

    public CompilationUnitSyntax Build(P.CompilationUnitContext context)
    {
        var declarations = new List<DeclarationSyntax>();
        foreach (var declaration in context.declaration())
        {
            DeclarationSyntax? built = declaration.formatDeclaration() is { } format ? BuildFormat(format)
                : declaration.sectionDeclaration() is { } section ? BuildSection(section)
                : declaration.removeDeclaration() is { } remove ? BuildRemove(remove)
                : declaration.changeDeclaration() is { } change ? BuildChange(change)
                : null;
            if (built is not null)
            {
                declarations.Add(built);
            }
        }

        return new CompilationUnitSyntax(new SyntaxList<DeclarationSyntax>(declarations), endOfFile);
    }

    private FormatDeclarationSyntax BuildFormat(P.FormatDeclarationContext c) => new(
        Token(c, ReportDslLexer.FORMAT, SyntaxKind.FormatKeyword),
        Name(c.name()),
        Token(c, ReportDslLexer.VERSION, SyntaxKind.VersionKeyword),
        c.version is { } version ? FirstToken(version, SyntaxKind.IntegerToken) : Missing(SyntaxKind.IntegerToken),
        c.formatRelation() is { } relation ? BuildRelation(relation) : null,
        Token(c, ReportDslLexer.LBRACE, SyntaxKind.OpenBraceToken),
        List(c.formatProperty(), BuildProperty),
        Token(c, ReportDslLexer.RBRACE, SyntaxKind.CloseBraceToken));

    private FormatRelationSyntax BuildRelation(P.FormatRelationContext c) => new(
        Labeled(c, c.relation, SyntaxKind.ExtendsKeyword),
        Name(c.name()),
        c.versionValue() is { } version ? FirstToken(version, SyntaxKind.IntegerToken) : Missing(SyntaxKind.IntegerToken));

    private RemoveDeclarationSyntax BuildRemove(P.RemoveDeclarationContext c) => new(
        Token(c, ReportDslLexer.REMOVE, SyntaxKind.RemoveKeyword),
        Labeled(c, c.kind, SyntaxKind.TableKeyword),
        BuildPath(c.path()));

    private ChangeDeclarationSyntax BuildChange(P.ChangeDeclarationContext c)
    {
        var operation = Labeled(c, c.operation, SyntaxKind.AddKeyword);
        var kind = Labeled(c, c.kind, SyntaxKind.RowKeyword);
        var target = BuildPath(c.path());
        var placement = c.placement is null ? null : Labeled(c, c.placement, SyntaxKind.AfterKeyword);
        var anchor = placement is null ? null : Name(c.anchor);
        var open = Token(c, ReportDslLexer.LBRACE, SyntaxKind.OpenBraceToken);
        var isRule = kind.Kind == SyntaxKind.RuleKeyword;
        return new ChangeDeclarationSyntax(
            operation,
            kind,
            target,
            placement,
            anchor,
            open,
            isRule ? null : List(c.axisItem(), BuildAxisItem),
            isRule ? List(c.ruleDeclaration(), BuildRule) : null,
            Token(c, ReportDslLexer.RBRACE, SyntaxKind.CloseBraceToken));
    }

    private SyntaxList<LineageClauseSyntax>? Lineage(P.LineageContext[] clauses) =>
        clauses.Length == 0 ? null : List(clauses, BuildLineage);

    private LineageClauseSyntax? BuildLineage(P.LineageContext c)
    {
        if (FirstTerminal(c) is not { } first)
        {
            return null;
        }

        var keyword = Real(first.Symbol);
        var from = OptionalToken(c, ReportDslLexer.FROM);
        if (from is null && keyword.Kind is not (SyntaxKind.SinceKeyword or SyntaxKind.UntilKeyword))
        {
            from = Missing(SyntaxKind.FromKeyword);
        }

        var operands = new List<SyntaxElement>();
        foreach (var child in c.children ?? [])
        {
            switch (child)
            {
                case P.PathContext path:
                    operands.Add(BuildPath(path));
                    break;
                case P.VersionValueContext version:
                    operands.Add(FirstToken(version, SyntaxKind.IntegerToken));
                    break;
                case ITerminalNode { Symbol.Type: ReportDslLexer.STRING or ReportDslLexer.COMMA or ReportDslLexer.INTEGER } terminal when IsReal(terminal) is not null:
                    operands.Add(Real(terminal.Symbol));
                    break;
            }
        }

        if (operands.Count == 0 || operands[^1].Kind == SyntaxKind.CommaToken)
        {
            operands.Add(keyword.Kind is SyntaxKind.SinceKeyword or SyntaxKind.UntilKeyword
                ? Missing(SyntaxKind.IntegerToken)
                : new PathSyntax(new SyntaxList<SyntaxToken>([Missing(SyntaxKind.IdentifierToken)])));
        }

        return new LineageClauseSyntax(keyword, from, new SyntaxList<SyntaxElement>(operands));
    }

    private FormatPropertySyntax BuildProperty(P.FormatPropertyContext c)
    {
        var name = Name(c.name());
        var value = c.propertyValue();
        if (value is null)
        {
            return new FormatPropertySyntax(name, Missing(SyntaxKind.StringToken), null, null);
        }

        var first = FirstToken(value, SyntaxKind.StringToken);
        var dotDot = OptionalToken(value, ReportDslLexer.RANGE);
        var end = dotDot is null ? null : OptionalToken(value, ReportDslLexer.INTEGER, 1);
        return new FormatPropertySyntax(name, first, dotDot, end);
    }

    private SectionDeclarationSyntax BuildSection(P.SectionDeclarationContext c)
    {
        var keyword = Token(c, ReportDslLexer.SECTION, SyntaxKind.SectionKeyword);
        var name = Name(c.name());
        var labels = BuildLabels(c.labels());
        var modifiers = Modifiers(c.modifier());
        var lineage = Lineage(c.lineage());
        var body = c.sectionBody();
        if (body is null)
        {
            return new SectionDeclarationSyntax(keyword, name, labels, modifiers, lineage, Missing(SyntaxKind.ProseKeyword), null, null, null, null);
        }

        if (OptionalToken(body, ReportDslLexer.PROSE) is { } prose)
        {
            if (OptionalToken(body, ReportDslLexer.LBRACE) is not { } open)
            {
                return new SectionDeclarationSyntax(keyword, name, labels, modifiers, lineage, prose, null, null, null, null);
            }

            return new SectionDeclarationSyntax(
                keyword,
                name,
                labels,
                modifiers,
                lineage,
                prose,
                open,
                List(body.factDeclaration(), BuildFact),
                null,
                Token(body, ReportDslLexer.RBRACE, SyntaxKind.CloseBraceToken));
        }

        return new SectionDeclarationSyntax(
            keyword,
            name,
            labels,
            modifiers,
            lineage,
            null,
            Token(body, ReportDslLexer.LBRACE, SyntaxKind.OpenBraceToken),
            body.factDeclaration().Length == 0 ? null : List(body.factDeclaration(), BuildFact),
            List(body.tableDeclaration(), BuildTable),
            Token(body, ReportDslLexer.RBRACE, SyntaxKind.CloseBraceToken));
    }

    private FactDeclarationSyntax BuildFact(P.FactDeclarationContext c) => new(
        Token(c, ReportDslLexer.FACT, SyntaxKind.FactKeyword),
        Name(c.name()),
        BuildLabels(c.labels()),
        Modifiers(c.modifier()),
        Token(c, ReportDslLexer.COLON, SyntaxKind.ColonToken),
        BuildCellType(c.cellType()),
        Token(c, ReportDslLexer.PATTERN, SyntaxKind.PatternKeyword),
        Token(c, ReportDslLexer.STRING, SyntaxKind.StringToken));

    private TableDeclarationSyntax BuildTable(P.TableDeclarationContext c) => new(
        Token(c, ReportDslLexer.TABLE, SyntaxKind.TableKeyword),
        Name(c.name()),
        BuildLabels(c.labels()),
        Modifiers(c.modifier()),
        Lineage(c.lineage()),
        Token(c, ReportDslLexer.LBRACE, SyntaxKind.OpenBraceToken),
        List(c.tableMember(), BuildMember),
        Token(c, ReportDslLexer.RBRACE, SyntaxKind.CloseBraceToken));

    private TableMemberSyntax? BuildMember(P.TableMemberContext c) => c switch
    {
        P.StubMemberContext stub => new StubMemberSyntax(
            Token(stub, ReportDslLexer.STUB, SyntaxKind.StubKeyword),
            Token(stub, ReportDslLexer.STRING, SyntaxKind.StringToken)),
        P.CellsMemberContext cells => new CellsMemberSyntax(
            Token(cells, ReportDslLexer.CELLS, SyntaxKind.CellsKeyword),
            BuildCellType(cells.cellType())),
        P.AxisMemberContext axis => new AxisMemberSyntax(
            Labeled(axis, axis.axisKeyword, SyntaxKind.RowsKeyword),
            OptionalToken(axis, ReportDslLexer.STRING),
            Token(axis, ReportDslLexer.LBRACE, SyntaxKind.OpenBraceToken),
            List(axis.axisItem(), BuildAxisItem),
            Token(axis, ReportDslLexer.RBRACE, SyntaxKind.CloseBraceToken)),
        P.AbsentMemberContext absent => new AbsentMemberSyntax(
            Token(absent, ReportDslLexer.ABSENT, SyntaxKind.AbsentKeyword),
            BuildCellReference(absent.cellReference())),
        P.RuleMemberContext rule when rule.ruleDeclaration() is { } declaration => BuildRule(declaration),
        _ => null,
    };

    private AxisItemSyntax? BuildAxisItem(P.AxisItemContext c) => c switch
    {
        P.GroupItemContext group => new GroupItemSyntax(
            Token(group, ReportDslLexer.GROUP, SyntaxKind.GroupKeyword),
            Name(group.name()),
            BuildLabels(group.labels()),
            Modifiers(group.modifier()),
            Lineage(group.lineage()),
            Token(group, ReportDslLexer.LBRACE, SyntaxKind.OpenBraceToken),
            List(group.axisItem(), BuildAxisItem),
            Token(group, ReportDslLexer.RBRACE, SyntaxKind.CloseBraceToken)),
        P.LeafItemContext leaf => BuildLeaf(leaf),
        _ => null,
    };

    private LeafItemSyntax BuildLeaf(P.LeafItemContext c)
    {
        var name = Name(c.name());
        var labels = BuildLabels(c.labels());
        var modifiers = Modifiers(c.modifier());
        var lineage = Lineage(c.lineage());
        var colon = OptionalToken(c, ReportDslLexer.COLON);
        var type = colon is null ? null : BuildCellType(c.cellType());
        return new LeafItemSyntax(name, labels, modifiers, lineage, colon, type);
    }

    private LabelsSyntax BuildLabels(P.LabelsContext? c)
    {
        if (c is null)
        {
            return new LabelsSyntax(Missing(SyntaxKind.StringToken), new SyntaxList<AliasSyntax>([]));
        }

        // Children alternate: STRING (ALIAS STRING)*. Walk them in order so that every token lands once.
        SyntaxToken? label = null;
        var aliases = new List<AliasSyntax>();
        SyntaxToken? pendingAlias = null;
        foreach (var terminal in Terminals(c))
        {
            if (terminal.Symbol.Type == ReportDslLexer.ALIAS)
            {
                if (pendingAlias is not null)
                {
                    aliases.Add(new AliasSyntax(pendingAlias, Missing(SyntaxKind.StringToken)));
                }

                pendingAlias = Real(terminal.Symbol);
            }
            else if (label is null)
            {
                label = Real(terminal.Symbol);
            }
            else if (pendingAlias is not null)
            {
                aliases.Add(new AliasSyntax(pendingAlias, Real(terminal.Symbol)));
                pendingAlias = null;
            }
        }

        label ??= Missing(SyntaxKind.StringToken);
        if (pendingAlias is not null)
        {
            aliases.Add(new AliasSyntax(pendingAlias, Missing(SyntaxKind.StringToken)));
        }

        return new LabelsSyntax(label, new SyntaxList<AliasSyntax>(aliases));
    }

    private SyntaxList<SyntaxToken> Modifiers(P.ModifierContext[] modifiers) =>
        new([.. modifiers.SelectMany(m => Terminals(m)).Select(t => Real(t.Symbol))]);

    private CellTypeSyntax BuildCellType(P.CellTypeContext? c)
    {
        if (c is null)
        {
            return new CellTypeSyntax(Missing(SyntaxKind.CountKeyword), null, null, null, null);
        }

        var keyword = FirstToken(c, SyntaxKind.CountKeyword);
        SyntaxToken? unitKeyword = null;
        SyntaxToken? unit = null;
        if (c is P.AmountTypeContext)
        {
            unitKeyword = OptionalToken(c, ReportDslLexer.UNIT);
            unit = unitKeyword is null ? null : Token(c, ReportDslLexer.STRING, SyntaxKind.StringToken);
        }

        SyntaxToken? precisionKeyword = null;
        SyntaxToken? precision = null;
        if (c is P.AmountTypeContext or P.PercentTypeContext)
        {
            precisionKeyword = OptionalToken(c, ReportDslLexer.PRECISION);
            precision = precisionKeyword is null ? null : Token(c, ReportDslLexer.INTEGER, SyntaxKind.IntegerToken);
        }

        SyntaxList<SyntaxToken>? values = null;
        if (c is P.EnumTypeContext)
        {
            // The words in parentheses, with their commas, in order; a missing closing parenthesis was reported by the parser.
            var words = Terminals(c).Skip(1).Select(t => Real(t.Symbol)).ToList();
            if (words.Count == 0 || words[0].Kind != SyntaxKind.OpenParenToken)
            {
                words.Insert(0, Missing(SyntaxKind.OpenParenToken));
            }

            if (words[^1].Kind != SyntaxKind.CloseParenToken)
            {
                words.Add(Missing(SyntaxKind.CloseParenToken));
            }

            values = new SyntaxList<SyntaxToken>(words);
        }

        var optionContexts = c.GetRuleContexts<P.TypeOptionContext>();
        var options = optionContexts.Length == 0 ? null : List(optionContexts, BuildTypeOption);
        return new CellTypeSyntax(keyword, unitKeyword, unit, precisionKeyword, precision, values, options);
    }

    private TypeOptionSyntax? BuildTypeOption(P.TypeOptionContext c)
    {
        if (FirstTerminal(c) is not { } first)
        {
            return null;
        }

        var keyword = Real(first.Symbol);
        var operands = new List<SyntaxToken>();
        foreach (var terminal in AllTerminals(c).Skip(1))
        {
            operands.Add(Real(terminal.Symbol));
        }

        switch (keyword.Kind)
        {
            case SyntaxKind.RangeKeyword when !operands.Any(o => o.Kind == SyntaxKind.DotDotToken):
                operands.Add(Missing(SyntaxKind.DotDotToken));
                break;
            case SyntaxKind.PatternKeyword when operands.Count == 0:
                operands.Add(Missing(SyntaxKind.StringToken));
                break;
            case SyntaxKind.DefaultKeyword when operands.Count == 0 || operands[^1].Kind == SyntaxKind.MinusToken:
                operands.Add(Missing(SyntaxKind.IntegerToken));
                break;
        }

        return new TypeOptionSyntax(keyword, new SyntaxList<SyntaxToken>(operands));
    }

    // Every real terminal below a context, in source order (a type option's value is a rule of its own).
    private static IEnumerable<ITerminalNode> AllTerminals(ParserRuleContext c)
    {
        foreach (var child in c.children ?? [])
        {
            if (IsReal(child) is { } terminal)
            {
                yield return terminal;
            }
            else if (child is ParserRuleContext inner)
            {
                foreach (var nested in AllTerminals(inner))
                {
                    yield return nested;
                }
            }
        }
    }

    private RuleDeclarationSyntax BuildRule(P.RuleDeclarationContext c)
    {
        var keyword = Token(c, ReportDslLexer.RULE, SyntaxKind.RuleKeyword);
        var code = Name(c.code);
        var severity = Name(c.severity);
        var message = Labeled(c, c.message, SyntaxKind.StringToken);
        var toleranceKeyword = OptionalToken(c, ReportDslLexer.TOLERANCE);
        var tolerance = toleranceKeyword is null ? null : c.number() is { } number ? FirstToken(number, SyntaxKind.DecimalToken) : Missing(SyntaxKind.DecimalToken);
        var quantifiers = List(c.quantifier(), BuildQuantifier);
        var when = c.whenClause() is { } clause
            ? new WhenClauseSyntax(Token(clause, ReportDslLexer.WHEN, SyntaxKind.WhenKeyword), BuildCondition(clause.condition()))
            : null;
        var colon = Token(c, ReportDslLexer.COLON, SyntaxKind.ColonToken);
        SyntaxNode body = c.presence() is { } presence
            ? new PresenceSyntax(Token(presence, ReportDslLexer.PRESENT, SyntaxKind.PresentKeyword), BuildCellReference(presence.cellReference()))
            : BuildComparison(c.comparison());
        return new RuleDeclarationSyntax(keyword, code, severity, message, toleranceKeyword, tolerance, quantifiers, when, colon, body);
    }

    private QuantifierSyntax BuildQuantifier(P.QuantifierContext c)
    {
        var forKeyword = Token(c, ReportDslLexer.FOR, SyntaxKind.ForKeyword);
        var each = Token(c, ReportDslLexer.EACH, SyntaxKind.EachKeyword);
        var axis = Labeled(c, c.axis, SyntaxKind.ColumnKeyword);
        var inKeyword = OptionalToken(c, ReportDslLexer.IN);
        var open = inKeyword is null ? null : OptionalToken(c, ReportDslLexer.LPAREN);
        if (open is null)
        {
            var group = inKeyword is null ? null : BuildPath(c.path().FirstOrDefault());
            return new QuantifierSyntax(forKeyword, each, axis, inKeyword, group);
        }

        var items = new List<SyntaxElement>();
        foreach (var child in c.children ?? [])
        {
            if (child is P.PathContext path)
            {
                items.Add(BuildPath(path));
            }
            else if (child is ITerminalNode { Symbol.Type: ReportDslLexer.COMMA } comma and not IErrorNode)
            {
                items.Add(Real(comma.Symbol));
            }
        }

        if (items.Count == 0 || items[^1] is SyntaxToken)
        {
            items.Add(BuildPath(null));
        }

        var close = Token(c, ReportDslLexer.RPAREN, SyntaxKind.CloseParenToken);
        return new QuantifierSyntax(forKeyword, each, axis, inKeyword, null, open, new SyntaxList<SyntaxElement>(items), close);
    }

    private ConditionSyntax BuildCondition(P.ConditionContext? c)
    {
        if (c?.children is null)
        {
            return BuildComparison(null);
        }

        var parts = new List<SyntaxElement>();
        foreach (var child in c.children)
        {
            switch (child)
            {
                case P.ConjunctionContext conjunction:
                    parts.Add(BuildConjunction(conjunction));
                    break;
                case ITerminalNode terminal when IsReal(terminal) is not null:
                    parts.Add(Real(terminal.Symbol));
                    break;
            }
        }

        return Logical(parts);
    }

    private ConditionSyntax BuildConjunction(P.ConjunctionContext c)
    {
        var parts = new List<SyntaxElement>();
        foreach (var child in c.children ?? [])
        {
            switch (child)
            {
                case P.NegationContext negation:
                    parts.Add(BuildNegation(negation));
                    break;
                case ITerminalNode terminal when IsReal(terminal) is not null:
                    parts.Add(Real(terminal.Symbol));
                    break;
            }
        }

        return Logical(parts);
    }

    private ConditionSyntax Logical(List<SyntaxElement> parts)
    {
        if (parts.Count == 1 && parts[0] is ConditionSyntax single)
        {
            return single;
        }

        if (parts.Count == 0 || parts[^1] is SyntaxToken)
        {
            parts.Add(BuildComparison(null));
        }

        return new LogicalConditionSyntax(new SyntaxList<SyntaxElement>(parts));
    }

    private ConditionSyntax BuildNegation(P.NegationContext c) => c switch
    {
        P.NotConditionContext not => new NotConditionSyntax(Token(not, ReportDslLexer.NOT, SyntaxKind.NotKeyword), not.negation() is { } inner ? BuildNegation(inner) : BuildComparison(null)),
        P.ParenthesizedConditionContext parenthesized => new ParenthesizedConditionSyntax(
            Token(parenthesized, ReportDslLexer.LPAREN, SyntaxKind.OpenParenToken),
            BuildCondition(parenthesized.condition()),
            Token(parenthesized, ReportDslLexer.RPAREN, SyntaxKind.CloseParenToken)),
        P.ComparisonConditionContext comparison => BuildComparison(comparison.comparison()),
        _ => BuildComparison(null),
    };

    private ComparisonSyntax BuildComparison(P.ComparisonContext? c)
    {
        if (c is null)
        {
            return new ComparisonSyntax(MissingExpression(), Missing(SyntaxKind.EqualsToken), MissingExpression());
        }

        var left = BuildExpression(c.left);
        var op = Labeled(c, c.op, SyntaxKind.EqualsToken);
        var right = BuildExpression(c.right);
        return new ComparisonSyntax(left, op, right);
    }

    private ExpressionSyntax BuildExpression(P.ExpressionContext? c)
    {
        if (c?.children is null)
        {
            return MissingExpression();
        }

        var parts = new List<SyntaxElement>();
        foreach (var child in c.children)
        {
            switch (child)
            {
                case IErrorNode:
                    break;
                case ITerminalNode sign:
                    parts.Add(Real(sign.Symbol));
                    break;
                case P.TermOperatorContext op when Terminals(op).FirstOrDefault() is { } terminal:
                    parts.Add(Real(terminal.Symbol));
                    break;
                case P.ProductContext product:
                    parts.Add(BuildProduct(product));
                    break;
            }
        }

        if (parts.Count == 1 && parts[0] is ExpressionSyntax single)
        {
            return single;
        }

        if (parts.Count == 0 || parts[^1] is SyntaxToken)
        {
            parts.Add(MissingExpression());
        }

        return new AdditiveExpressionSyntax(new SyntaxList<SyntaxElement>(parts));
    }

    private ExpressionSyntax BuildProduct(P.ProductContext c)
    {
        var parts = new List<SyntaxElement>();
        foreach (var child in c.children ?? [])
        {
            switch (child)
            {
                case P.FactorOperatorContext op when Terminals(op).FirstOrDefault() is { } terminal:
                    parts.Add(Real(terminal.Symbol));
                    break;
                case P.UnaryContext unary:
                    parts.Add(BuildUnary(unary));
                    break;
            }
        }

        if (parts.Count == 1 && parts[0] is ExpressionSyntax single)
        {
            return single;
        }

        if (parts.Count == 0 || parts[^1] is SyntaxToken)
        {
            parts.Add(MissingExpression());
        }

        return new MultiplicativeExpressionSyntax(new SyntaxList<SyntaxElement>(parts));
    }

    private ExpressionSyntax BuildUnary(P.UnaryContext c)
    {
        if (c.term() is { } term)
        {
            return BuildTerm(term);
        }

        var minus = Token(c, ReportDslLexer.MINUS, SyntaxKind.MinusToken);
        return new UnaryExpressionSyntax(minus, c.unary() is { } inner ? BuildUnary(inner) : MissingExpression());
    }

    private ExpressionSyntax BuildTerm(P.TermContext c) => c switch
    {
        P.NumberTermContext number => new NumberExpressionSyntax(FirstToken(number.number(), SyntaxKind.IntegerToken)),
        P.CallTermContext call => BuildCall(call),
        P.ReferenceTermContext reference => BuildCellReference(reference.cellReference()),
        P.StringTermContext text => new StringExpressionSyntax(Token(text, ReportDslLexer.STRING, SyntaxKind.StringToken)),
        P.ParenthesizedTermContext parenthesized => new ParenthesizedExpressionSyntax(
            Token(parenthesized, ReportDslLexer.LPAREN, SyntaxKind.OpenParenToken),
            BuildExpression(parenthesized.expression()),
            Token(parenthesized, ReportDslLexer.RPAREN, SyntaxKind.CloseParenToken)),
        _ => MissingExpression(),
    };

    private CallExpressionSyntax BuildCall(P.CallTermContext c)
    {
        var name = Name(c.name());
        var open = Token(c, ReportDslLexer.LPAREN, SyntaxKind.OpenParenToken);
        var arguments = new List<SyntaxElement>();
        foreach (var child in c.children ?? [])
        {
            if (child is P.ExpressionContext expression)
            {
                arguments.Add(BuildExpression(expression));
            }
            else if (child is ITerminalNode { Symbol.Type: ReportDslLexer.COMMA } comma and not IErrorNode)
            {
                arguments.Add(Real(comma.Symbol));
            }
        }

        var close = Token(c, ReportDslLexer.RPAREN, SyntaxKind.CloseParenToken);
        return new CallExpressionSyntax(name, open, new SyntaxList<SyntaxElement>(arguments), close);
    }

    private CellReferenceSyntax BuildCellReference(P.CellReferenceContext? c)
    {
        if (c is null)
        {
            return MissingExpression();
        }

        var previous = OptionalToken(c, ReportDslLexer.PREVIOUS);
        var paths = c.path();
        var row = BuildPath(paths.Length > 0 ? paths[0] : null);
        var open = OptionalToken(c, ReportDslLexer.LBRACKET);
        if (open is null)
        {
            return new CellReferenceSyntax(previous, row, null, null, null);
        }

        var column = BuildPath(paths.Length > 1 ? paths[1] : null);
        var close = Token(c, ReportDslLexer.RBRACKET, SyntaxKind.CloseBracketToken);
        return new CellReferenceSyntax(previous, row, open, column, close);
    }

    private PathSyntax BuildPath(P.PathContext? c)
    {
        var parts = new List<SyntaxToken>();
        foreach (var child in c?.children ?? [])
        {
            if (child is P.NameContext name)
            {
                parts.Add(Name(name));
            }
            else if (child is ITerminalNode terminal and not IErrorNode)
            {
                parts.Add(Real(terminal.Symbol));
            }
        }

        if (parts.Count == 0 || parts[^1].Kind == SyntaxKind.DotToken)
        {
            parts.Add(Missing(SyntaxKind.IdentifierToken));
        }

        return new PathSyntax(new SyntaxList<SyntaxToken>(parts));
    }

    private CellReferenceSyntax MissingExpression() =>
        new(null, new PathSyntax(new SyntaxList<SyntaxToken>([Missing(SyntaxKind.IdentifierToken)])), null, null, null);

    private SyntaxToken Name(P.NameContext? c) =>
        c is not null && FirstTerminal(c) is { } terminal ? Real(terminal.Symbol) : Missing(SyntaxKind.IdentifierToken);

    // ANTLR sets a token label before it checks the token, so after an error the label may name a token that a later
    // rule consumed. Only a token that is really a child of this context belongs here.
    private SyntaxToken Labeled(ParserRuleContext c, IToken? token, SyntaxKind expected)
    {
        if (token is not null)
        {
            foreach (var child in c.children ?? [])
            {
                if (IsReal(child) is { } terminal && ReferenceEquals(terminal.Symbol, token))
                {
                    return Real(token);
                }
            }
        }

        return Missing(expected);
    }

    private SyntaxToken FirstToken(ParserRuleContext c, SyntaxKind expected) =>
        FirstTerminal(c) is { } terminal ? Real(terminal.Symbol) : Missing(expected);

    private SyntaxToken Token(ParserRuleContext c, int type, SyntaxKind expected) => OptionalToken(c, type) ?? Missing(expected);

    private SyntaxToken? OptionalToken(ParserRuleContext c, int type, int occurrence = 0)
    {
        if (c.children is null)
        {
            return null;
        }

        foreach (var child in c.children)
        {
            if (IsReal(child) is { } terminal && terminal.Symbol.Type == type && occurrence-- == 0)
            {
                return Real(terminal.Symbol);
            }
        }

        return null;
    }

    private static ITerminalNode? FirstTerminal(ParserRuleContext c)
    {
        if (c.children is not null)
        {
            foreach (var child in c.children)
            {
                if (IsReal(child) is { } terminal)
                {
                    return terminal;
                }
            }
        }

        return null;
    }

    // A terminal that really came from the text: not a token ANTLR skipped or invented while recovering.
    private static ITerminalNode? IsReal(IParseTree child) =>
        child is ITerminalNode terminal and not IErrorNode && terminal.Symbol.TokenIndex >= 0 ? terminal : null;

    private static IEnumerable<ITerminalNode> Terminals(ParserRuleContext c)
    {
        foreach (var child in c.children ?? [])
        {
            if (IsReal(child) is { } terminal)
            {
                yield return terminal;
            }
        }
    }

    private SyntaxToken Real(IToken token)
    {
        var index = token.TokenIndex;
        var result = token.Type == TokenConstants.EOF || index < 0 || index >= tokens.Length
            ? endOfFile
            : tokens[index] ?? Missing(TokenKinds.ToKind(token.Type));
        if (!result.IsMissing)
        {
            _lastEnd = result.Span.End;
        }

        return result;
    }

    private SyntaxToken Missing(SyntaxKind kind) => SyntaxToken.Missing(kind, _lastEnd);

    private SyntaxList<TSyntax> List<TContext, TSyntax>(TContext[] contexts, Func<TContext, TSyntax?> build)
        where TSyntax : SyntaxElement
    {
        var items = new List<TSyntax>(contexts.Length);
        foreach (var context in contexts)
        {
            if (build(context) is { } item)
            {
                items.Add(item);
            }
        }

        return new SyntaxList<TSyntax>(items);
    }
}
