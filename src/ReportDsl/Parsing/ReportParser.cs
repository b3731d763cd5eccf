using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using Antlr4.Runtime.Tree;
using ReportDsl.Diagnostics;
using ReportDsl.Parsing.Generated;
using ReportDsl.Syntax;
using ReportDsl.Text;

namespace ReportDsl.Parsing;

/// <summary>
/// Turns source text into a full-fidelity <see cref="SyntaxTree"/>. The only entry point to the ANTLR-generated parser;
/// no ANTLR type leaves this folder. Never throws on bad input.
/// </summary>
public static class ReportParser
{
    /// <summary>Parses a source text.</summary>
    public static SyntaxTree Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > DiagnosticCatalog.MaxSpecCharacters)
        {
            // Parsing and binding cost grows with the text; a spec this large is not a report format, so it is not read.
            return Unparsed(text, DiagnosticCatalog.SpecTooLarge(text, new TextSpan(0, 0), text.Length));
        }

        try
        {
            return new ParseRun(text).Execute();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug must not lose the user's text: keep all of it as skipped trivia and say what happened.
            return Unparsed(text, DiagnosticCatalog.InternalError(text, new TextSpan(0, 0), exception.Message));
        }
    }

    // The whole text kept as skipped trivia, so the tree still gives back the input exactly.
    private static SyntaxTree Unparsed(SourceText text, Diagnostic diagnostic)
    {
        var eof = new SyntaxToken(
            SyntaxKind.EndOfFileToken,
            text.Length,
            string.Empty,
            null,
            text.Length == 0 ? [] : [new SyntaxTrivia(SyntaxKind.SkippedTokenTrivia, text.Text, 0)],
            []);
        var root = new CompilationUnitSyntax(new SyntaxList<DeclarationSyntax>([]), eof);
        return new SyntaxTree(text, root, [diagnostic]);
    }

    private sealed class ParseRun(SourceText text)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private IList<IToken> _raw = [];
        private bool[] _skipped = [];
        private readonly HashSet<int> _afterSkippedNesting = [];

        public SyntaxTree Execute()
        {
            if (text.InvalidEncodingOffset is { } invalid)
            {
                Report(DiagnosticCatalog.InvalidEncoding(text, new TextSpan(invalid, Math.Min(1, text.Length - invalid))));
            }

            var lexer = new ReportDslLexer(new FoldedCharStream(text.Text));
            lexer.RemoveErrorListeners();
            _raw = lexer.GetAllTokens();
            _skipped = new bool[_raw.Count];

            SkipTooDeepNesting();
            foreach (var token in _raw)
            {
                if (token.Type == ReportDslLexer.UNTERMINATED_STRING && token is CommonToken common)
                {
                    // The parser sees an unclosed string as a string; the builder reports it once.
                    common.Type = ReportDslLexer.STRING;
                    common.Text = token.Text;
                }
            }

            var (tree, errors) = RunParser();
            if (errors.Count > 0)
            {
                // Only a parse that reported errors can have skipped tokens as error nodes.
                MarkErrorNodesSkipped(tree);
            }
            var tokens = BuildTokens(out var endOfFile);
            ReportBadCharacters();
            ReportSyntaxErrors(errors);

            var builder = new SyntaxBuilder(tokens, endOfFile);
            var root = builder.Build(tree);
            return new SyntaxTree(text, root, Finish(_diagnostics));
        }

        private (ReportDslParser.CompilationUnitContext Tree, List<SyntaxErrorInfo> Errors) RunParser()
        {
            var stream = new CommonTokenStream(new ListTokenSource(_raw));
            var parser = new ReportDslParser(stream) { BuildParseTree = true };
            parser.RemoveErrorListeners();

            // Fast SLL pass first; only input that fails it pays for full LL with error reporting.
            parser.Interpreter.PredictionMode = PredictionMode.SLL;
            parser.ErrorHandler = new BailErrorStrategy();
            try
            {
                return (parser.compilationUnit(), []);
            }
            catch (ParseCanceledException)
            {
                stream.Seek(0);
                parser.Reset();
                parser.Interpreter.PredictionMode = PredictionMode.LL;
                var strategy = new ReportingErrorStrategy();
                parser.ErrorHandler = strategy;
                var tree = parser.compilationUnit();
                return (tree, strategy.Errors);
            }
        }

        // ANTLR recurses once per nesting level; past a fixed depth the text is kept as skipped trivia instead of parsed,
        // so that no input can exhaust the stack.
        private void SkipTooDeepNesting()
        {
            var depth = 0;
            for (var i = 0; i < _raw.Count; i++)
            {
                var token = _raw[i];
                if (token.Channel != TokenConstants.DefaultChannel)
                {
                    continue;
                }

                if (IsOpener(token.Type))
                {
                    if (depth < DiagnosticCatalog.MaxNestingDepth)
                    {
                        depth++;
                        continue;
                    }

                    Report(DiagnosticCatalog.NestingTooDeep(text, SpanOf(token)));
                    var inner = 0;
                    for (; i < _raw.Count; i++)
                    {
                        var skipped = _raw[i];
                        if (skipped.Channel != TokenConstants.DefaultChannel)
                        {
                            continue;
                        }

                        Skip(i);
                        inner += IsOpener(skipped.Type) ? 1 : IsCloser(skipped.Type) ? -1 : 0;
                        if (inner == 0)
                        {
                            // What the parser says about the token after a skipped region follows from the skip itself.
                            _afterSkippedNesting.Add(NextDefaultToken(i + 1));
                            break;
                        }
                    }
                }
                else if (IsCloser(token.Type) && depth > 0)
                {
                    depth--;
                }
            }
        }

        private int NextDefaultToken(int index)
        {
            while (index < _raw.Count && _raw[index].Channel != TokenConstants.DefaultChannel)
            {
                index++;
            }

            return index;
        }

        private void Skip(int index)
        {
            _skipped[index] = true;
            if (_raw[index] is CommonToken common)
            {
                common.Channel = TokenConstants.HiddenChannel;
            }
        }

        private static bool IsOpener(int type) => type is ReportDslLexer.LBRACE or ReportDslLexer.LPAREN or ReportDslLexer.LBRACKET;

        private static bool IsCloser(int type) => type is ReportDslLexer.RBRACE or ReportDslLexer.RPAREN or ReportDslLexer.RBRACKET;

        private void MarkErrorNodesSkipped(IParseTree tree)
        {
            var stack = new Stack<IParseTree>();
            stack.Push(tree);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is IErrorNode error)
                {
                    var index = error.Symbol.TokenIndex;
                    if (index >= 0 && index < _raw.Count)
                    {
                        _skipped[index] = true;
                    }

                    continue;
                }

                for (var i = 0; i < node.ChildCount; i++)
                {
                    stack.Push(node.GetChild(i));
                }
            }
        }

        private SyntaxToken?[] BuildTokens(out SyntaxToken endOfFile)
        {
            var tokens = new SyntaxToken?[_raw.Count];
            var leading = ImmutableArray.CreateBuilder<SyntaxTrivia>();
            var trailing = ImmutableArray.CreateBuilder<SyntaxTrivia>();
            var i = 0;
            while (i < _raw.Count)
            {
                var token = _raw[i];
                if (_skipped[i] || token.Channel != TokenConstants.DefaultChannel)
                {
                    AddTrivia(leading, token, _skipped[i]);
                    i++;
                    continue;
                }

                trailing.Clear();
                var j = i + 1;
                while (j < _raw.Count && !_skipped[j] && IsTrailingTrivia(_raw[j].Type))
                {
                    AddTrivia(trailing, _raw[j], skipped: false);
                    j++;
                    if (_raw[j - 1].Type == ReportDslLexer.NEWLINE)
                    {
                        break;
                    }
                }

                tokens[i] = MakeToken(token, leading.Count == 0 ? [] : leading.ToImmutable(), trailing.Count == 0 ? [] : trailing.ToImmutable());
                leading.Clear();
                i = j;
            }

            endOfFile = new SyntaxToken(SyntaxKind.EndOfFileToken, text.Length, string.Empty, null, leading.ToImmutable(), []);
            return tokens;
        }

        private static bool IsTrailingTrivia(int type) =>
            type is ReportDslLexer.WHITESPACE or ReportDslLexer.LINE_COMMENT or ReportDslLexer.BLOCK_COMMENT or ReportDslLexer.NEWLINE;

        private void AddTrivia(ImmutableArray<SyntaxTrivia>.Builder list, IToken token, bool skipped)
        {
            var kind = skipped ? SyntaxKind.SkippedTokenTrivia : TokenKinds.ToKind(token.Type);
            var tokenText = TextOf(token);
            if (kind == SyntaxKind.BlockCommentTrivia && (tokenText.Length < 4 || !tokenText.EndsWith("*/", StringComparison.Ordinal)))
            {
                Report(DiagnosticCatalog.UnterminatedComment(text, new TextSpan(token.StartIndex, 2)));
            }

            // Runs of unreadable characters become one trivia, as they become one diagnostic.
            if (list.Count > 0 && list[^1].Kind == kind && kind is SyntaxKind.BadCharacterTrivia or SyntaxKind.SkippedTokenTrivia
                && list[^1].Span.End == token.StartIndex)
            {
                list[^1] = list[^1] with { Text = list[^1].Text + tokenText };
                return;
            }

            list.Add(new SyntaxTrivia(kind, tokenText, token.StartIndex));
        }

        private SyntaxToken MakeToken(IToken token, ImmutableArray<SyntaxTrivia> leading, ImmutableArray<SyntaxTrivia> trailing)
        {
            var tokenText = TextOf(token);
            var kind = TokenKinds.ToKind(token.Type);
            object? value = null;
            switch (token.Type)
            {
                case ReportDslLexer.STRING:
                    value = DecodeString(token.StartIndex, tokenText);
                    break;
                case ReportDslLexer.INTEGER:
                    if (long.TryParse(tokenText, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
                    {
                        value = integer;
                    }
                    else
                    {
                        Report(DiagnosticCatalog.NumberOutOfRange(text, SpanOf(token), tokenText));
                    }

                    break;
                case ReportDslLexer.DECIMAL:
                    if (tokenText.Length <= 38 && decimal.TryParse(tokenText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    {
                        value = number;
                    }
                    else
                    {
                        Report(DiagnosticCatalog.NumberOutOfRange(text, SpanOf(token), tokenText));
                    }

                    break;
            }

            return new SyntaxToken(kind, token.StartIndex, tokenText, value, leading, trailing);
        }

        private string DecodeString(int start, string literal)
        {
            var closed = literal.Length >= 2 && literal[^1] == '"' && !EndsWithEscape(literal);
            if (!closed)
            {
                Report(DiagnosticCatalog.UnterminatedString(text, new TextSpan(start, literal.Length)));
            }
            else if (!literal.Contains('\\', StringComparison.Ordinal))
            {
                return literal[1..^1];
            }

            var body = literal.AsSpan(1, closed ? literal.Length - 2 : literal.Length - 1);
            var builder = new StringBuilder(body.Length);
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] != '\\')
                {
                    builder.Append(body[i]);
                    continue;
                }

                if (i + 1 >= body.Length)
                {
                    break;
                }

                var escape = body[++i];
                switch (escape)
                {
                    case '"':
                    case '\\':
                        builder.Append(escape);
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u' when i + 4 < body.Length && int.TryParse(body.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        builder.Append((char)code);
                        i += 4;
                        break;
                    default:
                        var escapeLength = escape == 'u' ? Math.Min(6, body.Length - i + 1) : 2; // from the backslash
                        Report(DiagnosticCatalog.InvalidEscapeSequence(text, new TextSpan(start + 1 + i - 1, escapeLength), body.Slice(i - 1, escapeLength).ToString()));
                        builder.Append(escape);
                        break;
                }
            }

            return builder.ToString();
        }

        private static bool EndsWithEscape(string literal)
        {
            // "abc\" is unclosed: the final quote is escaped. Count the backslashes before it.
            var backslashes = 0;
            for (var i = literal.Length - 2; i >= 1 && literal[i] == '\\'; i--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        private void ReportBadCharacters()
        {
            var i = 0;
            while (i < _raw.Count)
            {
                if (_raw[i].Type != ReportDslLexer.BAD_CHARACTER)
                {
                    i++;
                    continue;
                }

                var start = _raw[i].StartIndex;
                var end = _raw[i].StopIndex + 1;
                i++;
                while (i < _raw.Count && _raw[i].Type == ReportDslLexer.BAD_CHARACTER && _raw[i].StartIndex == end)
                {
                    end = _raw[i].StopIndex + 1;
                    i++;
                }

                var span = TextSpan.FromBounds(start, end);
                Report(DiagnosticCatalog.UnexpectedCharacter(text, span, Printable(text.ToString(span))));
            }
        }

        private void ReportSyntaxErrors(List<SyntaxErrorInfo> errors)
        {
            foreach (var error in errors)
            {
                var index = error.Offending.TokenIndex;
                if (_afterSkippedNesting.Contains(index < 0 ? _raw.Count : index))
                {
                    continue;
                }

                var expected = DescribeExpected(error.Expected);
                var isEof = error.Offending.Type == TokenConstants.EOF || index < 0 || index >= _raw.Count;
                var span = isEof ? new TextSpan(text.Length, 0) : SpanOf(_raw[index]);
                var found = TokenKinds.DescribeFound(isEof ? TokenConstants.EOF : _raw[index].Type, isEof ? string.Empty : TextOf(_raw[index]));
                // "Remove the end of the file" is no advice: at the end, something is missing, not extra.
                var kind = isEof ? SyntaxErrorKind.Missing : error.Kind;
                switch (kind)
                {
                    case SyntaxErrorKind.Missing:
                        Report(DiagnosticCatalog.MissingToken(text, new TextSpan(EndOfPreviousToken(isEof ? _raw.Count : index), 0), expected));
                        break;
                    case SyntaxErrorKind.Unwanted:
                        Report(DiagnosticCatalog.UnexpectedToken(text, span, found, expected));
                        break;
                    default:
                        Report(DiagnosticCatalog.InvalidSyntax(text, span, found, expected));
                        break;
                }
            }
        }

        // A missing token is reported where it belonged: right after the last token before the offending one.
        private int EndOfPreviousToken(int index)
        {
            for (var i = Math.Min(index, _raw.Count) - 1; i >= 0; i--)
            {
                if (_raw[i].Channel == TokenConstants.DefaultChannel && !_skipped[i])
                {
                    return _raw[i].StopIndex + 1;
                }
            }

            return 0;
        }

        private static LocalizableAlternatives DescribeExpected(IntervalSet expected)
        {
            var types = expected.ToList();
            if (types.Contains(ReportDslLexer.IDENTIFIER))
            {
                // Every keyword is also a name; listing them all would hide the point.
                types = [.. types.Where(t => !TokenKinds.IsKeyword(t))];
            }

            var quoted = types.Where(t => TokenKinds.Describe(t) is LocalizableText { ResourceKey: "Token_Quoted" })
                .Select(TokenKinds.Describe).OrderBy(d => ((LocalizableText)d).Arguments[0].ToString(), StringComparer.Ordinal);
            var generic = types.Where(t => TokenKinds.Describe(t) is not LocalizableText { ResourceKey: "Token_Quoted" })
                .Distinct().Select(TokenKinds.Describe).DistinctBy(d => ((LocalizableText)d).ResourceKey);
            var items = quoted.Concat(generic).Take(10).ToList();
            return new LocalizableAlternatives(items);
        }

        private string TextOf(IToken token) =>
            token.StopIndex < token.StartIndex ? string.Empty : text.Text.Substring(token.StartIndex, token.StopIndex - token.StartIndex + 1);

        private static TextSpan SpanOf(IToken token) => TextSpan.FromBounds(token.StartIndex, Math.Max(token.StartIndex, token.StopIndex + 1));

        private static string Printable(string value)
        {
            var builder = new StringBuilder();
            foreach (var c in value.Length > 20 ? value[..20] : value)
            {
                builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' ? $"\\u{(int)c:X4}" : c.ToString());
            }

            return value.Length > 20 ? builder + "..." : builder.ToString();
        }

        private void Report(Diagnostic diagnostic)
        {
            // Enough to sort and cut later; garbage input must not allocate a diagnostic per byte.
            if (_diagnostics.Count <= DiagnosticCatalog.MaxErrorsPerFile * 4)
            {
                _diagnostics.Add(diagnostic);
            }
        }

        private ImmutableArray<Diagnostic> Finish(List<Diagnostic> diagnostics)
        {
            diagnostics.Sort();
            if (diagnostics.Count <= DiagnosticCatalog.MaxErrorsPerFile)
            {
                return [.. diagnostics];
            }

            var kept = diagnostics.Take(DiagnosticCatalog.MaxErrorsPerFile).ToList();
            kept.Add(DiagnosticCatalog.TooManyErrors(text, new TextSpan(diagnostics[DiagnosticCatalog.MaxErrorsPerFile].Span.Start, 0)));
            return [.. kept];
        }
    }
}
