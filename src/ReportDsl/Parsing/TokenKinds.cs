using ReportDsl.Diagnostics;
using ReportDsl.Parsing.Generated;
using ReportDsl.Syntax;

namespace ReportDsl.Parsing;

/// <summary>Maps ANTLR token types to syntax kinds and to the names diagnostics show.</summary>
internal static class TokenKinds
{
    private static readonly Dictionary<int, SyntaxKind> Kinds = new()
    {
        [ReportDslLexer.FORMAT] = SyntaxKind.FormatKeyword,
        [ReportDslLexer.VERSION] = SyntaxKind.VersionKeyword,
        [ReportDslLexer.SECTION] = SyntaxKind.SectionKeyword,
        [ReportDslLexer.PROSE] = SyntaxKind.ProseKeyword,
        [ReportDslLexer.TABLE] = SyntaxKind.TableKeyword,
        [ReportDslLexer.STUB] = SyntaxKind.StubKeyword,
        [ReportDslLexer.CELLS] = SyntaxKind.CellsKeyword,
        [ReportDslLexer.COLUMNS] = SyntaxKind.ColumnsKeyword,
        [ReportDslLexer.ROWS] = SyntaxKind.RowsKeyword,
        [ReportDslLexer.ABSENT] = SyntaxKind.AbsentKeyword,
        [ReportDslLexer.GROUP] = SyntaxKind.GroupKeyword,
        [ReportDslLexer.ALIAS] = SyntaxKind.AliasKeyword,
        [ReportDslLexer.REQUIRED] = SyntaxKind.RequiredKeyword,
        [ReportDslLexer.OPTIONAL] = SyntaxKind.OptionalKeyword,
        [ReportDslLexer.HEADER] = SyntaxKind.HeaderKeyword,
        [ReportDslLexer.UNLABELED] = SyntaxKind.UnlabeledKeyword,
        [ReportDslLexer.COUNT] = SyntaxKind.CountKeyword,
        [ReportDslLexer.INTEGER_TYPE] = SyntaxKind.IntegerKeyword,
        [ReportDslLexer.TEXT] = SyntaxKind.TextKeyword,
        [ReportDslLexer.AMOUNT] = SyntaxKind.AmountKeyword,
        [ReportDslLexer.UNIT] = SyntaxKind.UnitKeyword,
        [ReportDslLexer.PRECISION] = SyntaxKind.PrecisionKeyword,
        [ReportDslLexer.RULE] = SyntaxKind.RuleKeyword,
        [ReportDslLexer.TOLERANCE] = SyntaxKind.ToleranceKeyword,
        [ReportDslLexer.FOR] = SyntaxKind.ForKeyword,
        [ReportDslLexer.EACH] = SyntaxKind.EachKeyword,
        [ReportDslLexer.ROW] = SyntaxKind.RowKeyword,
        [ReportDslLexer.COLUMN] = SyntaxKind.ColumnKeyword,
        [ReportDslLexer.IN] = SyntaxKind.InKeyword,
        [ReportDslLexer.PREVIOUS] = SyntaxKind.PreviousKeyword,
        [ReportDslLexer.WHEN] = SyntaxKind.WhenKeyword,
        [ReportDslLexer.AND] = SyntaxKind.AndKeyword,
        [ReportDslLexer.OR] = SyntaxKind.OrKeyword,
        [ReportDslLexer.NOT] = SyntaxKind.NotKeyword,
        [ReportDslLexer.EXTENDS] = SyntaxKind.ExtendsKeyword,
        [ReportDslLexer.REVISES] = SyntaxKind.RevisesKeyword,
        [ReportDslLexer.REMOVE] = SyntaxKind.RemoveKeyword,
        [ReportDslLexer.RENAMED] = SyntaxKind.RenamedKeyword,
        [ReportDslLexer.SPLIT] = SyntaxKind.SplitKeyword,
        [ReportDslLexer.MERGED] = SyntaxKind.MergedKeyword,
        [ReportDslLexer.MOVED] = SyntaxKind.MovedKeyword,
        [ReportDslLexer.FROM] = SyntaxKind.FromKeyword,
        [ReportDslLexer.SINCE] = SyntaxKind.SinceKeyword,
        [ReportDslLexer.UNTIL] = SyntaxKind.UntilKeyword,
        [ReportDslLexer.EXHAUSTIVE] = SyntaxKind.ExhaustiveKeyword,
        [ReportDslLexer.NONEXHAUSTIVE] = SyntaxKind.NonexhaustiveKeyword,
        [ReportDslLexer.SUBTOTAL] = SyntaxKind.SubtotalKeyword,
        [ReportDslLexer.PERCENT] = SyntaxKind.PercentKeyword,
        [ReportDslLexer.DATE] = SyntaxKind.DateKeyword,
        [ReportDslLexer.BOOLEAN] = SyntaxKind.BooleanKeyword,
        [ReportDslLexer.ENUM] = SyntaxKind.EnumKeyword,
        [ReportDslLexer.DEFAULT] = SyntaxKind.DefaultKeyword,
        [ReportDslLexer.RANGE_KEYWORD] = SyntaxKind.RangeKeyword,
        [ReportDslLexer.FACT] = SyntaxKind.FactKeyword,
        [ReportDslLexer.PATTERN] = SyntaxKind.PatternKeyword,
        [ReportDslLexer.PRESENT] = SyntaxKind.PresentKeyword,
        [ReportDslLexer.ADD] = SyntaxKind.AddKeyword,
        [ReportDslLexer.REPLACE] = SyntaxKind.ReplaceKeyword,
        [ReportDslLexer.AFTER] = SyntaxKind.AfterKeyword,
        [ReportDslLexer.BEFORE] = SyntaxKind.BeforeKeyword,
        [ReportDslLexer.LBRACE] = SyntaxKind.OpenBraceToken,
        [ReportDslLexer.RBRACE] = SyntaxKind.CloseBraceToken,
        [ReportDslLexer.LPAREN] = SyntaxKind.OpenParenToken,
        [ReportDslLexer.RPAREN] = SyntaxKind.CloseParenToken,
        [ReportDslLexer.LBRACKET] = SyntaxKind.OpenBracketToken,
        [ReportDslLexer.RBRACKET] = SyntaxKind.CloseBracketToken,
        [ReportDslLexer.COLON] = SyntaxKind.ColonToken,
        [ReportDslLexer.COMMA] = SyntaxKind.CommaToken,
        [ReportDslLexer.RANGE] = SyntaxKind.DotDotToken,
        [ReportDslLexer.DOT] = SyntaxKind.DotToken,
        [ReportDslLexer.PLUS] = SyntaxKind.PlusToken,
        [ReportDslLexer.MINUS] = SyntaxKind.MinusToken,
        [ReportDslLexer.STAR] = SyntaxKind.AsteriskToken,
        [ReportDslLexer.SLASH] = SyntaxKind.SlashToken,
        [ReportDslLexer.EQ] = SyntaxKind.EqualsToken,
        [ReportDslLexer.NE] = SyntaxKind.NotEqualsToken,
        [ReportDslLexer.LE] = SyntaxKind.LessThanOrEqualToken,
        [ReportDslLexer.GE] = SyntaxKind.GreaterThanOrEqualToken,
        [ReportDslLexer.LT] = SyntaxKind.LessThanToken,
        [ReportDslLexer.GT] = SyntaxKind.GreaterThanToken,
        [ReportDslLexer.DECIMAL] = SyntaxKind.DecimalToken,
        [ReportDslLexer.INTEGER] = SyntaxKind.IntegerToken,
        [ReportDslLexer.IDENTIFIER] = SyntaxKind.IdentifierToken,
        [ReportDslLexer.STRING] = SyntaxKind.StringToken,
        [ReportDslLexer.UNTERMINATED_STRING] = SyntaxKind.StringToken,
        [ReportDslLexer.WHITESPACE] = SyntaxKind.WhitespaceTrivia,
        [ReportDslLexer.NEWLINE] = SyntaxKind.EndOfLineTrivia,
        [ReportDslLexer.LINE_COMMENT] = SyntaxKind.LineCommentTrivia,
        [ReportDslLexer.BLOCK_COMMENT] = SyntaxKind.BlockCommentTrivia,
        [ReportDslLexer.BAD_CHARACTER] = SyntaxKind.BadCharacterTrivia,
        [Antlr4.Runtime.TokenConstants.EOF] = SyntaxKind.EndOfFileToken,
    };

    public static SyntaxKind ToKind(int tokenType) => Kinds.GetValueOrDefault(tokenType, SyntaxKind.None);

    public static bool IsKeyword(int tokenType) => tokenType is >= ReportDslLexer.FORMAT and <= ReportDslLexer.BEFORE;

    /// <summary>Gets how a diagnostic names an expected token type: a quoted literal, or "a name", "a string"….</summary>
    public static object Describe(int tokenType) => tokenType switch
    {
        ReportDslLexer.IDENTIFIER => new LocalizableText("Token_Identifier"),
        ReportDslLexer.STRING or ReportDslLexer.UNTERMINATED_STRING => new LocalizableText("Token_String"),
        ReportDslLexer.INTEGER => new LocalizableText("Token_Integer"),
        ReportDslLexer.DECIMAL => new LocalizableText("Token_Decimal"),
        Antlr4.Runtime.TokenConstants.EOF => new LocalizableText("Token_EndOfFile"),
        _ => new LocalizableText("Token_Quoted", LiteralName(tokenType)),
    };

    /// <summary>Gets how a diagnostic names a token that was found: its text, quoted, or "the end of the file".</summary>
    public static object DescribeFound(int tokenType, string text) => tokenType == Antlr4.Runtime.TokenConstants.EOF
        ? new LocalizableText("Token_EndOfFile")
        : new LocalizableText("Token_Quoted", text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "..."));

    private static string LiteralName(int tokenType)
    {
        var literal = ReportDslLexer.DefaultVocabulary.GetLiteralName(tokenType);
        return literal is { Length: > 2 } ? literal[1..^1] : ReportDslLexer.DefaultVocabulary.GetDisplayName(tokenType);
    }
}
