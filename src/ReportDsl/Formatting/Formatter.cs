using System.Text;
using ReportDsl.Syntax;

namespace ReportDsl.Formatting;

/// <summary>
/// Prints a syntax tree in the one canonical layout: two-space indentation, one declaration, member, row, column or
/// rule per line, single spaces between tokens, at most one blank line kept where the author left one, and every
/// comment kept. Idempotent, and it never changes meaning. Trees with syntax errors are not formatted.
/// </summary>
public static class Formatter
{
    /// <summary>Formats a tree, or returns null when the tree has syntax errors and cannot be formatted safely.</summary>
    public static string? Format(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.Diagnostics.Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
        {
            return null;
        }

        var printer = new Printer();
        printer.CompilationUnit(tree.Root);
        return printer.ToString();
    }

    private sealed class Printer
    {
        private const int IndentSize = 2;
        private const int MaxWidth = 120;
        private readonly StringBuilder _out = new();
        private readonly HashSet<SyntaxToken> _commentsWritten = [];
        private int _indent;
        private bool _lineStarted;
        private bool _continuation;
        private bool _breakTerms;
        private int _depth;

        public override string ToString() => _out.ToString();

        public void CompilationUnit(CompilationUnitSyntax unit)
        {
            DeclarationSyntax? previous = null;
            foreach (var declaration in unit.Declarations)
            {
                // Removals read as one list, so consecutive ones are not separated by blank lines.
                if (previous is not null && !(previous is RemoveDeclarationSyntax && declaration is RemoveDeclarationSyntax))
                {
                    BlankLine();
                }

                previous = declaration;
                LeadingComments(declaration.DescendantTokens().First(), keepBlankLine: true);
                switch (declaration)
                {
                    case FormatDeclarationSyntax format:
                        Format(format);
                        break;
                    case SectionDeclarationSyntax section:
                        Section(section);
                        break;
                    case RemoveDeclarationSyntax remove:
                        Token(remove.RemoveKeyword);
                        Token(remove.KindKeyword);
                        Path(remove.Target);
                        EndLine();
                        break;
                    case ChangeDeclarationSyntax change:
                        Change(change);
                        break;
                }
            }

            LeadingComments(unit.EndOfFile, keepBlankLine: unit.Declarations.Count > 0);
            EndLine();
        }

        private void Change(ChangeDeclarationSyntax change)
        {
            Token(change.OperationKeyword);
            Token(change.KindKeyword);
            Path(change.Target);
            if (change is { PlacementKeyword: { } placement, Anchor: { } anchor })
            {
                Token(placement);
                Token(anchor);
            }

            if (change.Rules is { } rules)
            {
                Block(change.OpenBrace, rules, Rule, change.CloseBrace);
            }
            else
            {
                Block(change.OpenBrace, (IEnumerable<AxisItemSyntax>?)change.Items ?? [], Item, change.CloseBrace);
            }
        }

        private void Format(FormatDeclarationSyntax format)
        {
            Token(format.FormatKeyword);
            Token(format.Name);
            Token(format.VersionKeyword);
            Token(format.Version);
            if (format.Relation is { } relation)
            {
                Token(relation.Keyword);
                Token(relation.Name);
                Token(relation.Version);
            }

            Block(format.OpenBrace, format.Properties, Property, format.CloseBrace);
        }

        private void Property(FormatPropertySyntax property)
        {
            Token(property.Name);
            Token(property.Value);
            if (property.DotDot is { } dotDot)
            {
                Token(dotDot, space: false);
                if (property.EndValue is { } end)
                {
                    Token(end, space: false);
                }
            }
        }

        private void Section(SectionDeclarationSyntax section)
        {
            Token(section.SectionKeyword);
            Token(section.Name);
            Labels(section.Labels);
            Tokens(section.Modifiers);
            Lineage(section.Lineage);
            if (section.ProseKeyword is { } prose)
            {
                Token(prose);
                if (section is { OpenBrace: { } factsOpen, Facts: { } proseFacts, CloseBrace: { } factsClose })
                {
                    Block(factsOpen, proseFacts, Fact, factsClose);
                    return;
                }

                EndLine();
                return;
            }

            if (section is { OpenBrace: { } open, Tables: { } tables, CloseBrace: { } close })
            {
                // Facts one per line, then the tables, a blank line before each table.
                IEnumerable<SyntaxNode> members = section.Facts is { } facts ? [.. facts, .. tables] : tables;
                Block(open, members, SectionMember, close, blankLineBefore: member => member is TableDeclarationSyntax);
            }
        }

        private void SectionMember(SyntaxNode member)
        {
            if (member is FactDeclarationSyntax fact)
            {
                Fact(fact);
            }
            else if (member is TableDeclarationSyntax table)
            {
                Table(table);
            }
        }

        private void Fact(FactDeclarationSyntax fact)
        {
            Token(fact.FactKeyword);
            Token(fact.Name);
            Labels(fact.Labels);
            Tokens(fact.Modifiers);
            Token(fact.Colon);
            CellType(fact.Type);
            Token(fact.PatternKeyword);
            Token(fact.Pattern);
        }

        private void Table(TableDeclarationSyntax table)
        {
            Token(table.TableKeyword);
            Token(table.Name);
            Labels(table.Labels);
            Tokens(table.Modifiers);
            Lineage(table.Lineage);
            Block(table.OpenBrace, table.Members, Member, table.CloseBrace);
        }

        private void Member(TableMemberSyntax member)
        {
            switch (member)
            {
                case StubMemberSyntax stub:
                    Token(stub.StubKeyword);
                    Token(stub.Label);
                    break;
                case CellsMemberSyntax cells:
                    Token(cells.CellsKeyword);
                    CellType(cells.Type);
                    break;
                case AxisMemberSyntax axis:
                    Token(axis.Keyword);
                    if (axis.Caption is { } caption)
                    {
                        Token(caption);
                    }

                    Block(axis.OpenBrace, axis.Items, Item, axis.CloseBrace);
                    break;
                case AbsentMemberSyntax absent:
                    Token(absent.AbsentKeyword);
                    Reference(absent.Cells);
                    break;
                case RuleDeclarationSyntax rule:
                    Rule(rule);
                    break;
            }
        }

        private void Item(AxisItemSyntax item)
        {
            if (item is GroupItemSyntax { GroupKeyword: var groupKeyword })
            {
                Token(groupKeyword);
            }

            Token(item.Name);
            Labels(item.Labels);
            Tokens(item.Modifiers);
            Lineage(item.Lineage);
            switch (item)
            {
                case GroupItemSyntax group:
                    Block(group.OpenBrace, group.Items, Item, group.CloseBrace);
                    break;
                case LeafItemSyntax { Colon: { } colon, Type: { } type }:
                    Token(colon);
                    CellType(type);
                    break;
            }
        }

        /// <summary>
        /// A rule goes on one line while it fits in <see cref="MaxWidth"/> columns (a CJK character counts two).
        /// A longer one is laid out on continuation lines: the code, severity, message and tolerance; each quantifier;
        /// the when clause; the comparison; and if the comparison is still too long, one term of a sum per line, each
        /// line after the first starting with its operator. Rules with comments inside stay on one line.
        /// </summary>
        private void Rule(RuleDeclarationSyntax rule)
        {
            var start = _out.Length;
            var lineStarted = _lineStarted;
            var continuation = _continuation;
            Rule(rule, broken: false, breakTerms: false);
            if (LastLineWidth() <= MaxWidth || rule.DescendantTokens().Skip(1).Any(t => t.LeadingTrivia.Any(x => x.IsComment) || t.TrailingTrivia.Any(x => x.IsComment)))
            {
                return;
            }

            _out.Length = start;
            _lineStarted = lineStarted;
            _continuation = continuation;
            Rule(rule, broken: true, breakTerms: Width(ComparisonText(rule)) + ((_indent + 1) * IndentSize) > MaxWidth);
        }

        private int LastLineWidth()
        {
            var lineStart = _out.ToString().LastIndexOf('\n') + 1;
            return Width(_out.ToString(lineStart, _out.Length - lineStart));
        }

        private static int Width(string text) => text.Sum(c => c >= '\u2E80' ? 2 : 1);

        private static string ComparisonText(RuleDeclarationSyntax rule) =>
            string.Join(" ", ((SyntaxNode?)rule.Comparison ?? rule.Presence)?.DescendantTokens().Where(t => !t.IsMissing).Select(t => t.Text) ?? []);

        private void Break()
        {
            if (_lineStarted)
            {
                EndLine();
                _continuation = true;
            }
        }

        private void Rule(RuleDeclarationSyntax rule, bool broken, bool breakTerms)
        {
            _breakTerms = breakTerms;
            Token(rule.RuleKeyword);
            Token(rule.Code);
            Token(rule.Severity);
            Token(rule.Message);
            if (rule.ToleranceKeyword is { } toleranceKeyword && rule.Tolerance is { } tolerance)
            {
                Token(toleranceKeyword);
                Token(tolerance);
            }

            foreach (var quantifier in rule.Quantifiers)
            {
                if (broken)
                {
                    Break();
                }

                Token(quantifier.ForKeyword);
                Token(quantifier.EachKeyword);
                Token(quantifier.Axis);
                if (quantifier.InKeyword is { } inKeyword && quantifier.Group is { } group)
                {
                    Token(inKeyword);
                    Path(group);
                }
                else if (quantifier is { InKeyword: { } listIn, OpenParen: { } open, List: { } list, CloseParen: { } close })
                {
                    Token(listIn);
                    Token(open);
                    var first = true;
                    foreach (var part in list)
                    {
                        if (part is SyntaxToken comma)
                        {
                            Token(comma, space: false);
                        }
                        else
                        {
                            Path((PathSyntax)part, space: !first);
                        }

                        first = false;
                    }

                    Token(close, space: false);
                }
            }

            if (rule.When is { } when)
            {
                if (broken)
                {
                    Break();
                }

                Token(when.WhenKeyword);
                Condition(when.Condition);
            }

            Token(rule.Colon, space: false);
            if (broken)
            {
                Break();
            }

            if (rule.Presence is { } presence)
            {
                Token(presence.PresentKeyword);
                Reference(presence.Target);
            }
            else if (rule.Comparison is { } comparison)
            {
                Comparison(comparison);
            }

            _breakTerms = false;
        }

        private void Comparison(ComparisonSyntax comparison, bool space = true)
        {
            Expression(comparison.Left, space);
            Token(comparison.Operator);
            Expression(comparison.Right);
        }

        private void Condition(ConditionSyntax condition, bool space = true)
        {
            switch (condition)
            {
                case ComparisonSyntax comparison:
                    Comparison(comparison, space);
                    break;
                case NotConditionSyntax not:
                    Token(not.NotKeyword, space);
                    Condition(not.Operand);
                    break;
                case ParenthesizedConditionSyntax parenthesized:
                    Token(parenthesized.OpenParen, space);
                    Condition(parenthesized.Condition, space: false);
                    Token(parenthesized.CloseParen, space: false);
                    break;
                case LogicalConditionSyntax logical:
                    var index = 0;
                    foreach (var part in logical.Parts)
                    {
                        if (part is SyntaxToken op)
                        {
                            Token(op);
                        }
                        else
                        {
                            Condition((ConditionSyntax)part, space: index > 0 || space);
                        }

                        index++;
                    }

                    break;
            }
        }

        private void Expression(ExpressionSyntax expression, bool space = true)
        {
            switch (expression)
            {
                case NumberExpressionSyntax number:
                    Token(number.Number, space);
                    break;
                case StringExpressionSyntax text:
                    Token(text.Value, space);
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    Token(parenthesized.OpenParen, space);
                    _depth++;
                    Expression(parenthesized.Expression, space: false);
                    _depth--;
                    Token(parenthesized.CloseParen, space: false);
                    break;
                case CallExpressionSyntax call:
                    _depth++;
                    Call(call, space);
                    _depth--;
                    break;
                case CellReferenceSyntax reference:
                    Reference(reference, space);
                    break;
                case UnaryExpressionSyntax unary:
                    Token(unary.OperatorToken, space);
                    Expression(unary.Operand, space: false);
                    break;
                case MultiplicativeExpressionSyntax multiplicative:
                    var factorIndex = 0;
                    foreach (var part in multiplicative.Parts)
                    {
                        if (part is SyntaxToken op)
                        {
                            Token(op);
                        }
                        else
                        {
                            Expression((ExpressionSyntax)part, space: factorIndex > 0 || space);
                        }

                        factorIndex++;
                    }

                    break;
                case AdditiveExpressionSyntax additive:
                    var afterSign = false;
                    var index = 0;
                    foreach (var part in additive.Parts)
                    {
                        var isLeadingSign = index == 0 && part is SyntaxToken;
                        if (part is SyntaxToken op)
                        {
                            if (_breakTerms && index > 0 && _depth == 0)
                            {
                                Break();
                            }

                            Token(op, space: index > 0 || space);
                        }
                        else
                        {
                            Expression((ExpressionSyntax)part, space: !afterSign && (index > 0 || space));
                        }

                        afterSign = isLeadingSign;
                        index++;
                    }

                    break;
            }
        }

        private void Call(CallExpressionSyntax call, bool space)
        {
            Token(call.Name, space);
            Token(call.OpenParen, space: false);
            var first = true;
            foreach (var part in call.ArgumentList)
            {
                if (part is SyntaxToken comma)
                {
                    Token(comma, space: false);
                }
                else
                {
                    Expression((ExpressionSyntax)part, space: !first);
                }

                first = false;
            }

            Token(call.CloseParen, space: false);
        }

        private void Reference(CellReferenceSyntax reference, bool space = true)
        {
            if (reference.PreviousKeyword is { } previous)
            {
                Token(previous, space);
                space = true;
            }

            Path(reference.Row, space);
            if (reference is { OpenBracket: { } open, Column: { } column, CloseBracket: { } close })
            {
                Token(open, space: false);
                Path(column, space: false);
                Token(close, space: false);
            }
        }

        private void Path(PathSyntax path, bool space = true)
        {
            var first = true;
            foreach (var part in path.Parts)
            {
                Token(part, space: first && space);
                first = false;
            }
        }

        private void CellType(CellTypeSyntax type)
        {
            Token(type.Keyword);
            if (type.UnitKeyword is { } unitKeyword && type.Unit is { } unit)
            {
                Token(unitKeyword);
                Token(unit);
            }

            if (type.PrecisionKeyword is { } precisionKeyword && type.Precision is { } precision)
            {
                Token(precisionKeyword);
                Token(precision);
            }

            // enum("是", "否"): no space inside the parentheses or before a comma.
            var previous = SyntaxKind.None;
            foreach (var value in type.Values ?? new SyntaxList<SyntaxToken>([]))
            {
                Token(value, space: previous is SyntaxKind.CommaToken);
                previous = value.Kind;
            }

            foreach (var option in type.Options ?? new SyntaxList<TypeOptionSyntax>([]))
            {
                Token(option.Keyword);
                previous = option.Keyword.Kind;
                foreach (var operand in option.Operands)
                {
                    // range -5..5 and range ..100 keep the sign and the dots against their numbers.
                    var space = previous is SyntaxKind.DefaultKeyword or SyntaxKind.RangeKeyword or SyntaxKind.PatternKeyword;
                    Token(operand, space);
                    previous = operand.Kind;
                }
            }
        }

        private void Labels(LabelsSyntax labels)
        {
            Token(labels.Label);
            foreach (var alias in labels.Aliases)
            {
                Token(alias.AliasKeyword);
                Token(alias.Label);
            }
        }

        private void Lineage(SyntaxList<LineageClauseSyntax>? clauses)
        {
            if (clauses is null)
            {
                return;
            }

            foreach (var clause in clauses)
            {
                Token(clause.Keyword);
                if (clause.FromKeyword is { } from)
                {
                    Token(from);
                }

                foreach (var operand in clause.Operands)
                {
                    if (operand is PathSyntax path)
                    {
                        Path(path);
                    }
                    else if (operand is SyntaxToken token)
                    {
                        Token(token, space: token.Kind != SyntaxKind.CommaToken);
                    }
                }
            }
        }

        private void Tokens(SyntaxList<SyntaxToken> tokens)
        {
            foreach (var token in tokens)
            {
                Token(token);
            }
        }

        private void Block<T>(SyntaxToken open, IEnumerable<T> items, Action<T> print, SyntaxToken close, bool blankLineBetween = false, Func<T, bool>? blankLineBefore = null)
            where T : SyntaxNode
        {
            Token(open);
            EndLine();
            _indent++;
            var first = true;
            foreach (var item in items)
            {
                var firstToken = item.DescendantTokens().First();
                if (!first && (blankLineBetween || blankLineBefore?.Invoke(item) == true || HasBlankLineBefore(firstToken)))
                {
                    BlankLine();
                }

                LeadingComments(firstToken, keepBlankLine: !first);
                first = false;
                print(item);
                EndLine();
            }

            _indent--;
            Token(close);
            EndLine();
        }

        private static bool HasBlankLineBefore(SyntaxToken token)
        {
            // The previous line's break is its trailing trivia; a further break in the leading trivia is a blank line.
            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia)
                {
                    return true;
                }

                if (trivia.IsComment)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Writes the comments before a token, each on its own line, keeping a single blank line between them where the author left one.</summary>
        private void LeadingComments(SyntaxToken token, bool keepBlankLine)
        {
            if (!_commentsWritten.Add(token))
            {
                return;
            }

            var newlines = 0;
            var seenComment = false;
            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia)
                {
                    newlines++;
                    continue;
                }

                if (!trivia.IsComment)
                {
                    continue;
                }

                if (_lineStarted)
                {
                    EndLine();
                }

                if (seenComment && newlines >= 2 && keepBlankLine)
                {
                    BlankLine();
                }

                WriteIndent();
                _out.Append(trivia.Text.TrimEnd());
                EndLine();
                seenComment = true;
                newlines = 0;
            }

            if (seenComment && newlines >= 2 && keepBlankLine && token.Kind != SyntaxKind.EndOfFileToken)
            {
                BlankLine();
            }
        }

        private void Token(SyntaxToken token, bool space = true)
        {
            if (token.IsMissing)
            {
                return;
            }

            // Comments before a token in the middle of a line go on lines of their own, indented one step further.
            if (token.LeadingTrivia.Any(t => t.IsComment) && !_commentsWritten.Contains(token))
            {
                if (_lineStarted)
                {
                    EndLine();
                    _continuation = true;
                }

                LeadingComments(token, keepBlankLine: false);
            }

            if (!_lineStarted)
            {
                WriteIndent();
            }
            else if (space)
            {
                _out.Append(' ');
            }

            _out.Append(token.Text);
            foreach (var trivia in token.TrailingTrivia.Where(t => t.IsComment))
            {
                _out.Append(' ').Append(trivia.Text.TrimEnd());
                if (trivia.Kind == SyntaxKind.LineCommentTrivia)
                {
                    EndLine();
                    _continuation = true;
                }
            }
        }

        private void WriteIndent()
        {
            _out.Append(' ', (_indent + (_continuation ? 1 : 0)) * IndentSize);
            _lineStarted = true;
        }

        private void EndLine()
        {
            if (_lineStarted)
            {
                _out.Append('\n');
                _lineStarted = false;
            }

            _continuation = false;
        }

        private void BlankLine()
        {
            EndLine();
            if (_out.Length > 0 && !(_out.Length >= 2 && _out[^1] == '\n' && _out[^2] == '\n'))
            {
                _out.Append('\n');
            }
        }
    }
}
