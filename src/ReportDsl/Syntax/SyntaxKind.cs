namespace ReportDsl.Syntax;

/// <summary>Every kind of token, trivia and node in a ReportDsl syntax tree.</summary>
public enum SyntaxKind
{
    /// <summary>Not a valid kind.</summary>
    None,

    // Tokens.
    /// <summary>The end of the file; carries the trailing comments of the file.</summary>
    EndOfFileToken,
    /// <summary>A name such as <c>received</c> or <c>已公开</c>.</summary>
    IdentifierToken,
    /// <summary>A quoted string.</summary>
    StringToken,
    /// <summary>A whole number.</summary>
    IntegerToken,
    /// <summary>A number with a decimal point.</summary>
    DecimalToken,
    /// <summary><c>format</c>.</summary>
    FormatKeyword,
    /// <summary><c>version</c>.</summary>
    VersionKeyword,
    /// <summary><c>section</c>.</summary>
    SectionKeyword,
    /// <summary><c>prose</c>.</summary>
    ProseKeyword,
    /// <summary><c>table</c>.</summary>
    TableKeyword,
    /// <summary><c>stub</c>.</summary>
    StubKeyword,
    /// <summary><c>cells</c>.</summary>
    CellsKeyword,
    /// <summary><c>columns</c>.</summary>
    ColumnsKeyword,
    /// <summary><c>rows</c>.</summary>
    RowsKeyword,
    /// <summary><c>absent</c>.</summary>
    AbsentKeyword,
    /// <summary><c>group</c>.</summary>
    GroupKeyword,
    /// <summary><c>alias</c>.</summary>
    AliasKeyword,
    /// <summary><c>required</c>.</summary>
    RequiredKeyword,
    /// <summary><c>optional</c>.</summary>
    OptionalKeyword,
    /// <summary><c>header</c>.</summary>
    HeaderKeyword,
    /// <summary><c>unlabeled</c>.</summary>
    UnlabeledKeyword,
    /// <summary><c>count</c>.</summary>
    CountKeyword,
    /// <summary><c>integer</c>.</summary>
    IntegerKeyword,
    /// <summary><c>text</c>.</summary>
    TextKeyword,
    /// <summary><c>amount</c>.</summary>
    AmountKeyword,
    /// <summary><c>unit</c>.</summary>
    UnitKeyword,
    /// <summary><c>precision</c>.</summary>
    PrecisionKeyword,
    /// <summary><c>rule</c>.</summary>
    RuleKeyword,
    /// <summary><c>tolerance</c>.</summary>
    ToleranceKeyword,
    /// <summary><c>for</c>.</summary>
    ForKeyword,
    /// <summary><c>each</c>.</summary>
    EachKeyword,
    /// <summary><c>row</c>.</summary>
    RowKeyword,
    /// <summary><c>column</c>.</summary>
    ColumnKeyword,
    /// <summary><c>in</c>.</summary>
    InKeyword,
    /// <summary><c>previous</c>.</summary>
    PreviousKeyword,
    /// <summary><c>extends</c>.</summary>
    ExtendsKeyword,
    /// <summary><c>revises</c>.</summary>
    RevisesKeyword,
    /// <summary><c>remove</c>.</summary>
    RemoveKeyword,
    /// <summary><c>renamed</c>.</summary>
    RenamedKeyword,
    /// <summary><c>split</c>.</summary>
    SplitKeyword,
    /// <summary><c>merged</c>.</summary>
    MergedKeyword,
    /// <summary><c>moved</c>.</summary>
    MovedKeyword,
    /// <summary><c>from</c>.</summary>
    FromKeyword,
    /// <summary><c>since</c>.</summary>
    SinceKeyword,
    /// <summary><c>until</c>.</summary>
    UntilKeyword,
    /// <summary><c>{</c>.</summary>
    OpenBraceToken,
    /// <summary><c>}</c>.</summary>
    CloseBraceToken,
    /// <summary><c>(</c>.</summary>
    OpenParenToken,
    /// <summary><c>)</c>.</summary>
    CloseParenToken,
    /// <summary><c>[</c>.</summary>
    OpenBracketToken,
    /// <summary><c>]</c>.</summary>
    CloseBracketToken,
    /// <summary><c>:</c>.</summary>
    ColonToken,
    /// <summary><c>,</c>.</summary>
    CommaToken,
    /// <summary><c>..</c>.</summary>
    DotDotToken,
    /// <summary><c>.</c>.</summary>
    DotToken,
    /// <summary><c>+</c>.</summary>
    PlusToken,
    /// <summary><c>-</c>.</summary>
    MinusToken,
    /// <summary><c>=</c>.</summary>
    EqualsToken,
    /// <summary><c>!=</c>.</summary>
    NotEqualsToken,
    /// <summary><c>&lt;</c>.</summary>
    LessThanToken,
    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqualToken,
    /// <summary><c>&gt;</c>.</summary>
    GreaterThanToken,
    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqualToken,

    // Trivia.
    /// <summary>Spaces and tabs.</summary>
    WhitespaceTrivia,
    /// <summary>A line break.</summary>
    EndOfLineTrivia,
    /// <summary>A <c>//</c> comment.</summary>
    LineCommentTrivia,
    /// <summary>A <c>/* */</c> comment.</summary>
    BlockCommentTrivia,
    /// <summary>Characters the lexer could not read; already reported.</summary>
    BadCharacterTrivia,
    /// <summary>A token the parser skipped while recovering from an error; already reported.</summary>
    SkippedTokenTrivia,

    // Nodes.
    /// <summary>A list of nodes.</summary>
    List,
    /// <summary>A whole file.</summary>
    CompilationUnit,
    /// <summary><c>format id version v { ... }</c>.</summary>
    FormatDeclaration,
    /// <summary>A property inside the format block, such as <c>title "..."</c>.</summary>
    FormatProperty,
    /// <summary><c>section id "label" ...</c>.</summary>
    SectionDeclaration,
    /// <summary><c>table id "label" { ... }</c>.</summary>
    TableDeclaration,
    /// <summary>An official label and its aliases.</summary>
    Labels,
    /// <summary><c>alias "..."</c>.</summary>
    Alias,
    /// <summary><c>stub "..."</c>.</summary>
    StubMember,
    /// <summary><c>cells type</c>.</summary>
    CellsMember,
    /// <summary><c>rows { ... }</c> or <c>columns { ... }</c>.</summary>
    AxisMember,
    /// <summary><c>absent row[column]</c>.</summary>
    AbsentMember,
    /// <summary><c>rule CODE severity "message" ...: left = right</c>.</summary>
    RuleDeclaration,
    /// <summary><c>group id "label" { ... }</c>.</summary>
    GroupItem,
    /// <summary>A row or column that holds values: <c>id "label"</c>.</summary>
    LeafItem,
    /// <summary>A cell type such as <c>count</c> or <c>amount unit "万元" precision 6</c>.</summary>
    CellType,
    /// <summary><c>for each column in group</c>.</summary>
    Quantifier,
    /// <summary><c>left = right</c>.</summary>
    Comparison,
    /// <summary>A sum or difference of terms: <c>a + b - c</c>.</summary>
    AdditiveExpression,
    /// <summary>A number in an expression.</summary>
    NumberExpression,
    /// <summary>A function call such as <c>sum(group)</c>.</summary>
    CallExpression,
    /// <summary>A reference to a cell or a set of cells.</summary>
    ReferenceExpression,
    /// <summary><c>( expression )</c>.</summary>
    ParenthesizedExpression,
    /// <summary>A dotted path such as <c>results.withheld.secret</c>.</summary>
    Path,
    /// <summary><c>extends format version</c> or <c>revises format version</c> in a format header.</summary>
    FormatRelation,
    /// <summary><c>remove table id</c> and the like, in a format that extends another.</summary>
    RemoveDeclaration,
    /// <summary>A lineage clause such as <c>renamed from old_id</c> or <c>since 2021</c>.</summary>
    LineageClause,

    /// <summary>The <c>fact</c> keyword.</summary>
    FactKeyword,

    /// <summary>The <c>pattern</c> keyword.</summary>
    PatternKeyword,

    /// <summary>A fact a section's text states.</summary>
    FactDeclaration,
    // Rule expressions and conditions (added after the first release: appended so no value changes).
    /// <summary><c>when</c>.</summary>
    WhenKeyword,
    /// <summary><c>and</c>.</summary>
    AndKeyword,
    /// <summary><c>or</c>.</summary>
    OrKeyword,
    /// <summary><c>not</c>.</summary>
    NotKeyword,
    /// <summary><c>*</c>.</summary>
    AsteriskToken,
    /// <summary><c>/</c>.</summary>
    SlashToken,
    /// <summary>A product or quotient of factors: <c>a * b / c</c>.</summary>
    MultiplicativeExpression,
    /// <summary><c>-x</c> inside an expression.</summary>
    UnaryExpression,
    /// <summary><c>when condition</c> on a rule.</summary>
    WhenClause,
    /// <summary>Conditions joined by <c>and</c> or by <c>or</c>.</summary>
    LogicalCondition,
    /// <summary><c>not condition</c>.</summary>
    NotCondition,
    /// <summary><c>( condition )</c>.</summary>
    ParenthesizedCondition,

    // Added after the first release's kinds, so that their numbers stay as they were.
    /// <summary><c>exhaustive</c>: a group that holds values, each the sum of its parts.</summary>
    ExhaustiveKeyword,
    /// <summary><c>nonexhaustive</c>: a group that holds values, each at least the sum of its parts (其中).</summary>
    NonexhaustiveKeyword,
    /// <summary><c>subtotal</c>: a row or column that holds the sum of its siblings.</summary>
    SubtotalKeyword,
    /// <summary><c>percent</c>.</summary>
    PercentKeyword,
    /// <summary><c>date</c>.</summary>
    DateKeyword,
    /// <summary><c>boolean</c>.</summary>
    BooleanKeyword,
    /// <summary><c>enum</c>.</summary>
    EnumKeyword,
    /// <summary><c>default</c>.</summary>
    DefaultKeyword,
    /// <summary><c>range</c>.</summary>
    RangeKeyword,
    /// <summary>A type option: <c>default 0</c>, <c>range 0..100</c> or <c>pattern "..."</c>.</summary>
    TypeOption,
    /// <summary><c>present</c>.</summary>
    PresentKeyword,
    /// <summary><c>present target</c>: the body of an existence rule.</summary>
    Presence,
    /// <summary><c>add</c>.</summary>
    AddKeyword,
    /// <summary><c>replace</c>.</summary>
    ReplaceKeyword,
    /// <summary><c>after</c>.</summary>
    AfterKeyword,
    /// <summary><c>before</c>.</summary>
    BeforeKeyword,
    /// <summary><c>add|replace row|column|rule target { ... }</c> in a format that extends another.</summary>
    ChangeDeclaration,
    /// <summary>A string in an expression: a value of a text, date, boolean or enum cell in a condition.</summary>
    StringExpression,
}
