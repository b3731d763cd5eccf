using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Diagnostics;

/// <summary>
/// Every diagnostic the compiler reports, with one factory per code. Codes are grouped by phase (1xxx syntax,
/// 2xxx names and binding, 3xxx types and rules, 4xxx templates, 5xxx emit, 6xxx the command-line host and the
/// file system, 9xxx internal) and are never renumbered
/// or reused: a retired code stays here as a comment. Messages live in DiagnosticMessages.resx and its zh-Hans twin.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>The most diagnostics reported for one file before <see cref="TooManyErrors"/> ends the list.</summary>
    public const int MaxErrorsPerFile = 200;

    /// <summary>The deepest nesting of braces, brackets and parentheses the parser reads.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// The longest spec file read, in characters (<see cref="SpecTooLarge"/>); the official formats are about 8,000, and
    /// a 10 MB spec still compiles in seconds (ParserRobustnessTests).
    /// </summary>
    public const int MaxSpecCharacters = 16 * 1024 * 1024;

    /// <summary>The most rule comparisons one format may expand into (<see cref="TooManyRuleInstances"/>); the 2021 format has 48.</summary>
    public const int MaxRuleInstances = 50_000;

    private static readonly DiagnosticDescriptor RD1001 = new("RD1001", DiagnosticSeverity.Error, "UnexpectedCharacter");
    private static readonly DiagnosticDescriptor RD1002 = new("RD1002", DiagnosticSeverity.Error, "UnterminatedString");
    private static readonly DiagnosticDescriptor RD1003 = new("RD1003", DiagnosticSeverity.Error, "UnterminatedComment");
    private static readonly DiagnosticDescriptor RD1004 = new("RD1004", DiagnosticSeverity.Error, "InvalidEscapeSequence");
    private static readonly DiagnosticDescriptor RD1005 = new("RD1005", DiagnosticSeverity.Error, "MissingToken");
    private static readonly DiagnosticDescriptor RD1006 = new("RD1006", DiagnosticSeverity.Error, "UnexpectedToken");
    private static readonly DiagnosticDescriptor RD1007 = new("RD1007", DiagnosticSeverity.Error, "InvalidSyntax");
    private static readonly DiagnosticDescriptor RD1008 = new("RD1008", DiagnosticSeverity.Error, "NestingTooDeep");
    private static readonly DiagnosticDescriptor RD1009 = new("RD1009", DiagnosticSeverity.Error, "TooManyErrors");
    private static readonly DiagnosticDescriptor RD1010 = new("RD1010", DiagnosticSeverity.Error, "NumberOutOfRange");
    private static readonly DiagnosticDescriptor RD1011 = new("RD1011", DiagnosticSeverity.Error, "InvalidEncoding");
    private static readonly DiagnosticDescriptor RD2001 = new("RD2001", DiagnosticSeverity.Error, "DuplicateName");
    private static readonly DiagnosticDescriptor RD2002 = new("RD2002", DiagnosticSeverity.Error, "DuplicateLabel");
    private static readonly DiagnosticDescriptor RD2003 = new("RD2003", DiagnosticSeverity.Error, "UnknownName");
    private static readonly DiagnosticDescriptor RD2004 = new("RD2004", DiagnosticSeverity.Error, "DuplicateRuleCode");
    private static readonly DiagnosticDescriptor RD2005 = new("RD2005", DiagnosticSeverity.Error, "MissingFormatDeclaration");
    private static readonly DiagnosticDescriptor RD2006 = new("RD2006", DiagnosticSeverity.Error, "DuplicateFormatDeclaration");
    private static readonly DiagnosticDescriptor RD2007 = new("RD2007", DiagnosticSeverity.Error, "DuplicateFormat");
    private static readonly DiagnosticDescriptor RD2008 = new("RD2008", DiagnosticSeverity.Error, "UnknownProperty");
    private static readonly DiagnosticDescriptor RD2009 = new("RD2009", DiagnosticSeverity.Error, "DuplicateProperty");
    private static readonly DiagnosticDescriptor RD2010 = new("RD2010", DiagnosticSeverity.Error, "MissingProperty");
    private static readonly DiagnosticDescriptor RD2011 = new("RD2011", DiagnosticSeverity.Error, "EmptyGroup");
    private static readonly DiagnosticDescriptor RD2012 = new("RD2012", DiagnosticSeverity.Error, "MissingAxis");
    private static readonly DiagnosticDescriptor RD2013 = new("RD2013", DiagnosticSeverity.Error, "DuplicateAxis");
    private static readonly DiagnosticDescriptor RD2014 = new("RD2014", DiagnosticSeverity.Error, "GroupReference");
    private static readonly DiagnosticDescriptor RD2015 = new("RD2015", DiagnosticSeverity.Error, "HeaderReference");
    private static readonly DiagnosticDescriptor RD2016 = new("RD2016", DiagnosticSeverity.Error, "AbsentCellReference");
    private static readonly DiagnosticDescriptor RD2017 = new("RD2017", DiagnosticSeverity.Error, "WrongAxis");
    private static readonly DiagnosticDescriptor RD2018 = new("RD2018", DiagnosticSeverity.Error, "UnknownSeverity");
    private static readonly DiagnosticDescriptor RD2019 = new("RD2019", DiagnosticSeverity.Error, "InvalidYearRange");
    private static readonly DiagnosticDescriptor RD2020 = new("RD2020", DiagnosticSeverity.Error, "IncompleteReference");
    private static readonly DiagnosticDescriptor RD2021 = new("RD2021", DiagnosticSeverity.Error, "ConflictingModifiers");
    private static readonly DiagnosticDescriptor RD2022 = new("RD2022", DiagnosticSeverity.Error, "DuplicateModifier");
    private static readonly DiagnosticDescriptor RD2023 = new("RD2023", DiagnosticSeverity.Error, "ModifierNotAllowed");
    private static readonly DiagnosticDescriptor RD2024 = new("RD2024", DiagnosticSeverity.Error, "EmptySection");
    private static readonly DiagnosticDescriptor RD2025 = new("RD2025", DiagnosticSeverity.Error, "MissingCellType");
    private static readonly DiagnosticDescriptor RD2026 = new("RD2026", DiagnosticSeverity.Error, "InvalidPropertyValue");
    // 217x-218x: cell types, their options, and groups with values (lang-cells).
    private static readonly DiagnosticDescriptor RD2170 = new("RD2170", DiagnosticSeverity.Error, "InvalidRange");
    private static readonly DiagnosticDescriptor RD2171 = new("RD2171", DiagnosticSeverity.Error, "InvalidPattern");
    private static readonly DiagnosticDescriptor RD2172 = new("RD2172", DiagnosticSeverity.Error, "InvalidEnumWord");
    private static readonly DiagnosticDescriptor RD2173 = new("RD2173", DiagnosticSeverity.Error, "DefaultNotOfType");
    private static readonly DiagnosticDescriptor RD2174 = new("RD2174", DiagnosticSeverity.Error, "OptionNotForType");
    private static readonly DiagnosticDescriptor RD2175 = new("RD2175", DiagnosticSeverity.Error, "DuplicateTypeOption");
    private static readonly DiagnosticDescriptor RD2176 = new("RD2176", DiagnosticSeverity.Error, "NothingToAddUp");
    // 209x: limits on the size of a spec, so that no spec can make compiling or validating take unbounded time.
    private static readonly DiagnosticDescriptor RD2090 = new("RD2090", DiagnosticSeverity.Error, "SpecTooLarge");
    private static readonly DiagnosticDescriptor RD2091 = new("RD2091", DiagnosticSeverity.Error, "TooManyRuleInstances");
    private static readonly DiagnosticDescriptor RD2100 = new("RD2100", DiagnosticSeverity.Error, "UnknownEarlierFormat");
    private static readonly DiagnosticDescriptor RD2101 = new("RD2101", DiagnosticSeverity.Error, "ExtendsCycle");
    private static readonly DiagnosticDescriptor RD2102 = new("RD2102", DiagnosticSeverity.Error, "RemoveWithoutExtends");
    private static readonly DiagnosticDescriptor RD2103 = new("RD2103", DiagnosticSeverity.Error, "RemoveTargetNotFound");
    private static readonly DiagnosticDescriptor RD2119 = new("RD2119", DiagnosticSeverity.Error, "ChangeWithoutExtends");
    private static readonly DiagnosticDescriptor RD2120 = new("RD2120", DiagnosticSeverity.Error, "ChangeTargetNotFound");
    private static readonly DiagnosticDescriptor RD2121 = new("RD2121", DiagnosticSeverity.Error, "ChangeAnchorNotFound");
    private static readonly DiagnosticDescriptor RD2122 = new("RD2122", DiagnosticSeverity.Error, "ReplacementCount");
    private static readonly DiagnosticDescriptor RD2123 = new("RD2123", DiagnosticSeverity.Error, "AddedItemExists");
    private static readonly DiagnosticDescriptor RD2124 = new("RD2124", DiagnosticSeverity.Error, "ConflictingChanges");
    private static readonly DiagnosticDescriptor RD2125 = new("RD2125", DiagnosticSeverity.Error, "AddIntoLeaf");
    private static readonly DiagnosticDescriptor RD2104 = new("RD2104", DiagnosticSeverity.Error, "LineageWithoutEarlier");
    private static readonly DiagnosticDescriptor RD2105 = new("RD2105", DiagnosticSeverity.Error, "LineageSourceNotFound");
    private static readonly DiagnosticDescriptor RD2106 = new("RD2106", DiagnosticSeverity.Error, "SinglePart");
    private static readonly DiagnosticDescriptor RD2107 = new("RD2107", DiagnosticSeverity.Error, "SplitSourceHoldsNoValues");
    private static readonly DiagnosticDescriptor RD2108 = new("RD2108", DiagnosticSeverity.Error, "SinceAfterVersion");
    private static readonly DiagnosticDescriptor RD2109 = new("RD2109", DiagnosticSeverity.Error, "SinceButExisted");
    private static readonly DiagnosticDescriptor RD2110 = new("RD2110", DiagnosticSeverity.Error, "UntilBeforeSince");
    private static readonly DiagnosticDescriptor RD2111 = new("RD2111", DiagnosticSeverity.Error, "LineageNotAllowed");
    private static readonly DiagnosticDescriptor RD2112 = new("RD2112", DiagnosticSeverity.Error, "ConflictingLineage");
    private static readonly DiagnosticDescriptor RD2113 = new("RD2113", DiagnosticSeverity.Error, "LineageSourceClaimedTwice");
    private static readonly DiagnosticDescriptor RD2114 = new("RD2114", DiagnosticSeverity.Warning, "RevisedFormatNotFound");
    private static readonly DiagnosticDescriptor RD2115 = new("RD2115", DiagnosticSeverity.Error, "MovedOperandMismatch");
    private static readonly DiagnosticDescriptor RD2116 = new("RD2116", DiagnosticSeverity.Error, "SectionPlaceMismatch");
    private static readonly DiagnosticDescriptor RD2117 = new("RD2117", DiagnosticSeverity.Error, "SplitLeavesCellUncovered");
    private static readonly DiagnosticDescriptor RD2118 = new("RD2118", DiagnosticSeverity.Error, "SplitPartCountedTwice");
    // 219x: facts stated in a section's text.
    private static readonly DiagnosticDescriptor RD2190 = new("RD2190", DiagnosticSeverity.Error, "FactPatternPlaceholder");
    private static readonly DiagnosticDescriptor RD2191 = new("RD2191", DiagnosticSeverity.Error, "InvalidFactPattern");
    private static readonly DiagnosticDescriptor RD3001 = new("RD3001", DiagnosticSeverity.Error, "IncompatibleOperands");
    private static readonly DiagnosticDescriptor RD3002 = new("RD3002", DiagnosticSeverity.Error, "TextInArithmetic");
    private static readonly DiagnosticDescriptor RD3003 = new("RD3003", DiagnosticSeverity.Warning, "AmountsWithoutTolerance");
    private static readonly DiagnosticDescriptor RD3004 = new("RD3004", DiagnosticSeverity.Warning, "UselessTolerance");
    private static readonly DiagnosticDescriptor RD3005 = new("RD3005", DiagnosticSeverity.Error, "MissingPrecision");
    private static readonly DiagnosticDescriptor RD3006 = new("RD3006", DiagnosticSeverity.Error, "PrecisionOutOfRange");
    private static readonly DiagnosticDescriptor RD3007 = new("RD3007", DiagnosticSeverity.Error, "ConflictingCellTypes");
    private static readonly DiagnosticDescriptor RD3008 = new("RD3008", DiagnosticSeverity.Error, "UnknownFunction");
    private static readonly DiagnosticDescriptor RD3009 = new("RD3009", DiagnosticSeverity.Error, "WrongArgumentCount");
    private static readonly DiagnosticDescriptor RD3010 = new("RD3010", DiagnosticSeverity.Error, "SumNeedsReference");
    private static readonly DiagnosticDescriptor RD3011 = new("RD3011", DiagnosticSeverity.Error, "QuantifierOverWrongAxis");
    private static readonly DiagnosticDescriptor RD3012 = new("RD3012", DiagnosticSeverity.Error, "DuplicateQuantifier");
    private static readonly DiagnosticDescriptor RD3013 = new("RD3013", DiagnosticSeverity.Error, "QuantifierShapeMismatch");
    private static readonly DiagnosticDescriptor RD3014 = new("RD3014", DiagnosticSeverity.Warning, "UnusedQuantifier");
    private static readonly DiagnosticDescriptor RD3015 = new("RD3015", DiagnosticSeverity.Error, "UnitMismatch");
    private static readonly DiagnosticDescriptor RD3030 = new("RD3030", DiagnosticSeverity.Error, "NotANumberType");
    // 3031-3044: existence rules ("present") and text in conditions (lang).
    private static readonly DiagnosticDescriptor RD3031 = new("RD3031", DiagnosticSeverity.Error, "PresenceOfPrevious");
    private static readonly DiagnosticDescriptor RD3032 = new("RD3032", DiagnosticSeverity.Warning, "ToleranceOnPresence");
    private static readonly DiagnosticDescriptor RD3045 = new("RD3045", DiagnosticSeverity.Error, "FactOfTextType");
    private static readonly DiagnosticDescriptor RD3046 = new("RD3046", DiagnosticSeverity.Error, "FactWithColumn");
    private static readonly DiagnosticDescriptor RD3047 = new("RD3047", DiagnosticSeverity.Error, "PreviousFact");
    private static readonly DiagnosticDescriptor RD3016 = new("RD3016", DiagnosticSeverity.Warning, "ConditionAlwaysTrue");
    private static readonly DiagnosticDescriptor RD3017 = new("RD3017", DiagnosticSeverity.Warning, "ConditionAlwaysFalse");
    private static readonly DiagnosticDescriptor RD3018 = new("RD3018", DiagnosticSeverity.Error, "InvalidRoundDigits");
    private static readonly DiagnosticDescriptor RD3019 = new("RD3019", DiagnosticSeverity.Error, "UnknownPlaceholder");
    private static readonly DiagnosticDescriptor RD3020 = new("RD3020", DiagnosticSeverity.Error, "UnitMismatchAt");
    private static readonly DiagnosticDescriptor RD2150 = new("RD2150", DiagnosticSeverity.Error, "ScopeNeedsList");
    private static readonly DiagnosticDescriptor RD2151 = new("RD2151", DiagnosticSeverity.Error, "NotAGroup");
    private static readonly DiagnosticDescriptor RD2152 = new("RD2152", DiagnosticSeverity.Error, "DuplicateScope");
    // 2153-2169: conditions over text, date, boolean and enum cells (lang).
    private static readonly DiagnosticDescriptor RD2153 = new("RD2153", DiagnosticSeverity.Error, "ValueTestMismatch");
    private static readonly DiagnosticDescriptor RD2154 = new("RD2154", DiagnosticSeverity.Error, "ValueTestOperator");
    private static readonly DiagnosticDescriptor RD2155 = new("RD2155", DiagnosticSeverity.Error, "InvalidTestValue");
    private static readonly DiagnosticDescriptor RD2156 = new("RD2156", DiagnosticSeverity.Error, "WrittenValueOutsideTest");
    // 31xx: findings about report data (Validation/); they carry a data location instead of a source span.
    internal static readonly DiagnosticDescriptor RD3101 = new("RD3101", DiagnosticSeverity.Warning, "MissingValue");
    internal static readonly DiagnosticDescriptor RD3102 = new("RD3102", DiagnosticSeverity.Warning, "RuleNotChecked");
    internal static readonly DiagnosticDescriptor RD3103 = new("RD3103", DiagnosticSeverity.Error, "NegativeCount");
    internal static readonly DiagnosticDescriptor RD3104 = new("RD3104", DiagnosticSeverity.Error, "FractionalWholeNumber");
    internal static readonly DiagnosticDescriptor RD3105 = new("RD3105", DiagnosticSeverity.Error, "NotANumber");
    internal static readonly DiagnosticDescriptor RD3106 = new("RD3106", DiagnosticSeverity.Error, "TooManyDecimals");
    internal static readonly DiagnosticDescriptor RD3107 = new("RD3107", DiagnosticSeverity.Error, "UnknownCell");
    internal static readonly DiagnosticDescriptor RD3108 = new("RD3108", DiagnosticSeverity.Error, "ArithmeticOverflow");
    internal static readonly DiagnosticDescriptor RD3160 = new("RD3160", DiagnosticSeverity.Error, "DivisionByZero");
    internal static readonly DiagnosticDescriptor RD3109 = new("RD3109", DiagnosticSeverity.Error, "UnknownFormat");
    internal static readonly DiagnosticDescriptor RD3110 = new("RD3110", DiagnosticSeverity.Error, "InvalidReportData");
    internal static readonly DiagnosticDescriptor RD3111 = new("RD3111", DiagnosticSeverity.Error, "ValueOutOfRange");
    internal static readonly DiagnosticDescriptor RD3120 = new("RD3120", DiagnosticSeverity.Error, "ConflictingDuplicateKey");
    internal static readonly DiagnosticDescriptor RD3121 = new("RD3121", DiagnosticSeverity.Warning, "RepeatedKey");
    internal static readonly DiagnosticDescriptor RD3122 = new("RD3122", DiagnosticSeverity.Error, "UnknownDataProperty");
    internal static readonly DiagnosticDescriptor RD3123 = new("RD3123", DiagnosticSeverity.Error, "EmptyReportData");
    internal static readonly DiagnosticDescriptor RD3124 = new("RD3124", DiagnosticSeverity.Error, "ReportDataTooLarge");
    // 3125-3139: the text of the sections (prose) and the facts it states.
    internal static readonly DiagnosticDescriptor RD3125 = new("RD3125", DiagnosticSeverity.Warning, "RequiredProseMissing");
    internal static readonly DiagnosticDescriptor RD3126 = new("RD3126", DiagnosticSeverity.Error, "UnknownProseSection");
    internal static readonly DiagnosticDescriptor RD3127 = new("RD3127", DiagnosticSeverity.Error, "InvalidProse");
    internal static readonly DiagnosticDescriptor RD3128 = new("RD3128", DiagnosticSeverity.Warning, "RequiredFactMissing");
    internal static readonly DiagnosticDescriptor RD3129 = new("RD3129", DiagnosticSeverity.Warning, "FactStatedTwice");
    internal static readonly DiagnosticDescriptor RD3130 = new("RD3130", DiagnosticSeverity.Warning, "FactOutOfRange");
    internal static readonly DiagnosticDescriptor RD3140 = new("RD3140", DiagnosticSeverity.Warning, "ValueNotInDocument");
    // 317x-318x: presence, type options and groups with values (lang-cells).
    internal static readonly DiagnosticDescriptor RD3170 = new("RD3170", DiagnosticSeverity.Error, "RequiredValueMissing");
    internal static readonly DiagnosticDescriptor RD3171 = new("RD3171", DiagnosticSeverity.Error, "TableMissing");
    internal static readonly DiagnosticDescriptor RD3172 = new("RD3172", DiagnosticSeverity.Error, "SectionMissing");
    internal static readonly DiagnosticDescriptor RD3173 = new("RD3173", DiagnosticSeverity.Error, "ValueOutsideRange");
    internal static readonly DiagnosticDescriptor RD3174 = new("RD3174", DiagnosticSeverity.Error, "PatternMismatch");
    internal static readonly DiagnosticDescriptor RD3175 = new("RD3175", DiagnosticSeverity.Error, "NotAnEnumWord");
    internal static readonly DiagnosticDescriptor RD3176 = new("RD3176", DiagnosticSeverity.Error, "InvalidDate");
    internal static readonly DiagnosticDescriptor RD3177 = new("RD3177", DiagnosticSeverity.Error, "InvalidBoolean");
    internal static readonly DiagnosticDescriptor RD3178 = new("RD3178", DiagnosticSeverity.Error, "GroupNotSumOfParts");
    internal static readonly DiagnosticDescriptor RD3179 = new("RD3179", DiagnosticSeverity.Error, "GroupBelowParts");
    internal static readonly DiagnosticDescriptor RD3180 = new("RD3180", DiagnosticSeverity.Error, "SubtotalNotSum");
    // 315x: findings about last year's report and about carrying data between format versions (Evolution/).
    internal static readonly DiagnosticDescriptor RD3150 = new("RD3150", DiagnosticSeverity.Error, "WrongPreviousYear");
    internal static readonly DiagnosticDescriptor RD3151 = new("RD3151", DiagnosticSeverity.Warning, "PreviousYearUnknown");
    internal static readonly DiagnosticDescriptor RD3152 = new("RD3152", DiagnosticSeverity.Warning, "NotCarriedExactly");
    internal static readonly DiagnosticDescriptor RD3153 = new("RD3153", DiagnosticSeverity.Warning, "ValueDropped");
    internal static readonly DiagnosticDescriptor RD3154 = new("RD3154", DiagnosticSeverity.Warning, "ValueNotConvertible");
    internal static readonly DiagnosticDescriptor RD3155 = new("RD3155", DiagnosticSeverity.Warning, "ValueEnded");
    internal static readonly DiagnosticDescriptor RD3156 = new("RD3156", DiagnosticSeverity.Warning, "PreviousValueUnmapped");
    internal static readonly DiagnosticDescriptor RD3157 = new("RD3157", DiagnosticSeverity.Warning, "PreviousCounterpartMissing");
    // 32xx: findings about reading published documents (ReportDsl.Documents).
    internal static readonly DiagnosticDescriptor RD3201 = new("RD3201", DiagnosticSeverity.Error, "RowNotFound");
    internal static readonly DiagnosticDescriptor RD3202 = new("RD3202", DiagnosticSeverity.Error, "FewerCells");
    internal static readonly DiagnosticDescriptor RD3203 = new("RD3203", DiagnosticSeverity.Warning, "SurplusCells");
    internal static readonly DiagnosticDescriptor RD3204 = new("RD3204", DiagnosticSeverity.Warning, "ColumnNotInDocument");
    internal static readonly DiagnosticDescriptor RD3205 = new("RD3205", DiagnosticSeverity.Error, "NoTables");
    internal static readonly DiagnosticDescriptor RD3206 = new("RD3206", DiagnosticSeverity.Error, "UnreadableDocument");
    internal static readonly DiagnosticDescriptor RD3207 = new("RD3207", DiagnosticSeverity.Error, "UnreadablePdf");
    internal static readonly DiagnosticDescriptor RD3210 = new("RD3210", DiagnosticSeverity.Warning, "AmbiguousRunTogetherCells");
    internal static readonly DiagnosticDescriptor RD3211 = new("RD3211", DiagnosticSeverity.Error, "UnreadableRunTogetherCells");
    internal static readonly DiagnosticDescriptor RD3230 = new("RD3230", DiagnosticSeverity.Warning, "HtmlNestingTooDeep");
    internal static readonly DiagnosticDescriptor RD3250 = new("RD3250", DiagnosticSeverity.Warning, "LowConfidenceOcrCell");
    internal static readonly DiagnosticDescriptor RD3251 = new("RD3251", DiagnosticSeverity.Warning, "OcrDigitsChosenByRules");
    internal static readonly DiagnosticDescriptor RD3252 = new("RD3252", DiagnosticSeverity.Error, "OcrToolMissing");
    internal static readonly DiagnosticDescriptor RD3253 = new("RD3253", DiagnosticSeverity.Error, "UnreadableScan");
    internal static readonly DiagnosticDescriptor RD3254 = new("RD3254", DiagnosticSeverity.Warning, "OcrPagesSkipped");
    internal static readonly DiagnosticDescriptor RD3255 = new("RD3255", DiagnosticSeverity.Warning, "RunTogetherDecidedByFacts");
    internal static readonly DiagnosticDescriptor RD4001 = new("RD4001", DiagnosticSeverity.Error, "TemplateSyntaxError");
    internal static readonly DiagnosticDescriptor RD4002 = new("RD4002", DiagnosticSeverity.Error, "TemplateRuntimeError");
    internal static readonly DiagnosticDescriptor RD4003 = new("RD4003", DiagnosticSeverity.Error, "TemplateLimitExceeded");
    internal static readonly DiagnosticDescriptor RD4004 = new("RD4004", DiagnosticSeverity.Error, "TemplateNotFound");
    internal static readonly DiagnosticDescriptor RD4005 = new("RD4005", DiagnosticSeverity.Error, "UnreadableWordTemplate");
    internal static readonly DiagnosticDescriptor RD4006 = new("RD4006", DiagnosticSeverity.Error, "TemplateTableNotFound");
    internal static readonly DiagnosticDescriptor RD4007 = new("RD4007", DiagnosticSeverity.Error, "TemplateCellNotFound");
    internal static readonly DiagnosticDescriptor RD4100 = new("RD4100", DiagnosticSeverity.Error, "UnreadableProse");
    internal static readonly DiagnosticDescriptor RD4101 = new("RD4101", DiagnosticSeverity.Error, "ProseUnknownSection");
    internal static readonly DiagnosticDescriptor RD4102 = new("RD4102", DiagnosticSeverity.Error, "ProseInvalidDate");
    internal static readonly DiagnosticDescriptor RD4103 = new("RD4103", DiagnosticSeverity.Warning, "UnwritableCharacter");
    internal static readonly DiagnosticDescriptor RD5001 = new("RD5001", DiagnosticSeverity.Error, "InvalidGeneratedNamespace");
    internal static readonly DiagnosticDescriptor RD5002 = new("RD5002", DiagnosticSeverity.Error, "DuplicateGeneratedNamespace");
    // 60xx: the command-line host and the file system (ReportDsl.Cli): reading inputs, writing outputs, the command line.
    internal static readonly DiagnosticDescriptor RD6001 = new("RD6001", DiagnosticSeverity.Error, "PathNotFound");
    internal static readonly DiagnosticDescriptor RD6002 = new("RD6002", DiagnosticSeverity.Error, "FolderNotReadable");
    internal static readonly DiagnosticDescriptor RD6003 = new("RD6003", DiagnosticSeverity.Error, "FileNotReadable");
    internal static readonly DiagnosticDescriptor RD6004 = new("RD6004", DiagnosticSeverity.Warning, "LinkLoop");
    internal static readonly DiagnosticDescriptor RD6005 = new("RD6005", DiagnosticSeverity.Error, "BrokenLink");
    internal static readonly DiagnosticDescriptor RD6006 = new("RD6006", DiagnosticSeverity.Warning, "NotARegularFile");
    internal static readonly DiagnosticDescriptor RD6007 = new("RD6007", DiagnosticSeverity.Error, "NoInputFiles");
    internal static readonly DiagnosticDescriptor RD6008 = new("RD6008", DiagnosticSeverity.Error, "StandardInputNotAlone");
    internal static readonly DiagnosticDescriptor RD6020 = new("RD6020", DiagnosticSeverity.Error, "OutputIsInput");
    internal static readonly DiagnosticDescriptor RD6021 = new("RD6021", DiagnosticSeverity.Error, "OutputNotRegularFile");
    internal static readonly DiagnosticDescriptor RD6022 = new("RD6022", DiagnosticSeverity.Error, "OutputIsFolder");
    internal static readonly DiagnosticDescriptor RD6023 = new("RD6023", DiagnosticSeverity.Error, "OutputFolderMissing");
    internal static readonly DiagnosticDescriptor RD6024 = new("RD6024", DiagnosticSeverity.Error, "OutputReadOnly");
    internal static readonly DiagnosticDescriptor RD6025 = new("RD6025", DiagnosticSeverity.Error, "OutputFailed");
    internal static readonly DiagnosticDescriptor RD6026 = new("RD6026", DiagnosticSeverity.Error, "OwnerNotKept");
    internal static readonly DiagnosticDescriptor RD6027 = new("RD6027", DiagnosticSeverity.Error, "StandardOutputFailed");
    internal static readonly DiagnosticDescriptor RD6035 = new("RD6035", DiagnosticSeverity.Error, "UnknownOption");
    internal static readonly DiagnosticDescriptor RD6036 = new("RD6036", DiagnosticSeverity.Warning, "DeprecatedOption");
    internal static readonly DiagnosticDescriptor RD6037 = new("RD6037", DiagnosticSeverity.Warning, "Interrupted");
    internal static readonly DiagnosticDescriptor RD6049 = new("RD6049", DiagnosticSeverity.Error, "CommandInternalError");
    // 6050-6099: the validation service (ReportDsl.Web): requests it refuses.
    internal static readonly DiagnosticDescriptor RD6050 = new("RD6050", DiagnosticSeverity.Error, "UnsupportedMediaType");
    internal static readonly DiagnosticDescriptor RD6051 = new("RD6051", DiagnosticSeverity.Error, "RequestTooLarge");
    internal static readonly DiagnosticDescriptor RD6052 = new("RD6052", DiagnosticSeverity.Error, "EmptyRequest");
    internal static readonly DiagnosticDescriptor RD6053 = new("RD6053", DiagnosticSeverity.Error, "UnreadableRequest");
    internal static readonly DiagnosticDescriptor RD6054 = new("RD6054", DiagnosticSeverity.Error, "UnknownFormatId");
    internal static readonly DiagnosticDescriptor RD6055 = new("RD6055", DiagnosticSeverity.Error, "RequestTimedOut");
    internal static readonly DiagnosticDescriptor RD6056 = new("RD6056", DiagnosticSeverity.Error, "MultipartParts");
    internal static readonly DiagnosticDescriptor RD6057 = new("RD6057", DiagnosticSeverity.Error, "MultipartUnreadable");
    // 70xx: the analysis of a format's rule set (Analysis/): what the rules say together, found before any report is read.
    internal static readonly DiagnosticDescriptor RD7001 = new("RD7001", DiagnosticSeverity.Warning, "RuleNeverHolds");
    internal static readonly DiagnosticDescriptor RD7002 = new("RD7002", DiagnosticSeverity.Warning, "RuleAlwaysHolds");
    internal static readonly DiagnosticDescriptor RD7003 = new("RD7003", DiagnosticSeverity.Warning, "ContradictoryRules");
    internal static readonly DiagnosticDescriptor RD7004 = new("RD7004", DiagnosticSeverity.Info, "ImpliedRule");
    internal static readonly DiagnosticDescriptor RD7005 = new("RD7005", DiagnosticSeverity.Warning, "SumCountsTotalTwice");
    internal static readonly DiagnosticDescriptor RD7006 = new("RD7006", DiagnosticSeverity.Warning, "SumIncludesTotalItem");
    internal static readonly DiagnosticDescriptor RD7007 = new("RD7007", DiagnosticSeverity.Info, "UnconstrainedCells");
    internal static readonly DiagnosticDescriptor RD7008 = new("RD7008", DiagnosticSeverity.Info, "RuleNotAnalysed");
    internal static readonly DiagnosticDescriptor RD7009 = new("RD7009", DiagnosticSeverity.Warning, "RuleSystemTooLarge");
    internal static readonly DiagnosticDescriptor RD7010 = new("RD7010", DiagnosticSeverity.Warning, "AnalysisStepLimit");
    internal static readonly DiagnosticDescriptor RD7011 = new("RD7011", DiagnosticSeverity.Info, "FormatNotAnalysed");
    // 7012-7029: the analysis over whole numbers (lang).
    internal static readonly DiagnosticDescriptor RD7012 = new("RD7012", DiagnosticSeverity.Warning, "RuleNeverHoldsInWholeNumbers");
    internal static readonly DiagnosticDescriptor RD7013 = new("RD7013", DiagnosticSeverity.Warning, "RulesForceFraction");
    private static readonly DiagnosticDescriptor RD9001 = new("RD9001", DiagnosticSeverity.Error, "InternalError");

    /// <summary>Gets every descriptor, ordered by code.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        RD1001, RD1002, RD1003, RD1004, RD1005, RD1006, RD1007, RD1008, RD1009, RD1010, RD1011,
        RD2001, RD2002, RD2003, RD2004, RD2005, RD2006, RD2007, RD2008, RD2009, RD2010,
        RD2011, RD2012, RD2013, RD2014, RD2015, RD2016, RD2017, RD2018, RD2019, RD2020,
        RD2021, RD2022, RD2023, RD2024, RD2025, RD2026, RD2090, RD2091,
        RD2100, RD2101, RD2102, RD2103, RD2104, RD2105, RD2106, RD2107, RD2108, RD2109, RD2110,
        RD2111, RD2112, RD2113, RD2114, RD2115, RD2116, RD2117, RD2118,
        RD2119, RD2120, RD2121, RD2122, RD2123, RD2124, RD2125,
        RD2150, RD2151, RD2152, RD2153, RD2154, RD2155, RD2156,
        RD2170, RD2171, RD2172, RD2173, RD2174, RD2175, RD2176,
        RD2190, RD2191,
        RD3001, RD3002, RD3003, RD3004, RD3005, RD3006, RD3007, RD3008, RD3009, RD3010,
        RD3011, RD3012, RD3013, RD3014, RD3015,
        RD3016, RD3017, RD3018, RD3019, RD3020, RD3030, RD3031, RD3032,
        RD3045, RD3046, RD3047,
        RD3101, RD3102, RD3103, RD3104, RD3105, RD3106, RD3107, RD3108, RD3109, RD3110, RD3111,
        RD3120, RD3121, RD3122, RD3123, RD3124,
        RD3125, RD3126, RD3127, RD3128, RD3129, RD3130,
        RD3140,
        RD3150, RD3151, RD3152, RD3153, RD3154, RD3155, RD3156, RD3157,
        RD3160,
        RD3170, RD3171, RD3172, RD3173, RD3174, RD3175, RD3176, RD3177, RD3178, RD3179, RD3180,
        RD3201, RD3202, RD3203, RD3204, RD3205, RD3206, RD3207, RD3210, RD3211, RD3230,
        RD3250, RD3251, RD3252, RD3253, RD3254, RD3255,
        RD4001, RD4002, RD4003, RD4004, RD4005, RD4006, RD4007,
        RD4100, RD4101, RD4102, RD4103,
        RD5001, RD5002,
        RD6001, RD6002, RD6003, RD6004, RD6005, RD6006, RD6007, RD6008,
        RD6020, RD6021, RD6022, RD6023, RD6024, RD6025, RD6026, RD6027,
        RD6035, RD6036, RD6037, RD6049,
        RD6050, RD6051, RD6052, RD6053, RD6054, RD6055, RD6056, RD6057,
        RD7001, RD7002, RD7003, RD7004, RD7005, RD7006, RD7007, RD7008, RD7009, RD7010, RD7011, RD7012, RD7013,
        RD9001,
    ];

    // ---- 1xxx: lexing and syntax

    internal static Diagnostic UnexpectedCharacter(SourceText s, TextSpan span, string text) => Make(RD1001, s, span, Shorten(text));

    internal static Diagnostic UnterminatedString(SourceText s, TextSpan span) => Make(RD1002, s, span);

    internal static Diagnostic UnterminatedComment(SourceText s, TextSpan span) => Make(RD1003, s, span);

    internal static Diagnostic InvalidEscapeSequence(SourceText s, TextSpan span, string escape) => Make(RD1004, s, span, escape);

    internal static Diagnostic MissingToken(SourceText s, TextSpan span, object expected) => Make(RD1005, s, span, expected);

    internal static Diagnostic UnexpectedToken(SourceText s, TextSpan span, object found, object expected) => Make(RD1006, s, span, found, expected);

    internal static Diagnostic InvalidSyntax(SourceText s, TextSpan span, object found, object expected) => Make(RD1007, s, span, found, expected);

    internal static Diagnostic NestingTooDeep(SourceText s, TextSpan span) => Make(RD1008, s, span, MaxNestingDepth);

    internal static Diagnostic TooManyErrors(SourceText s, TextSpan span) => Make(RD1009, s, span, MaxErrorsPerFile);

    internal static Diagnostic NumberOutOfRange(SourceText s, TextSpan span, string text) => Make(RD1010, s, span, Shorten(text));

    internal static Diagnostic InvalidEncoding(SourceText s, TextSpan span) => Make(RD1011, s, span);

    // ---- 2xxx: names and binding

    internal static Diagnostic DuplicateName(SourceText s, TextSpan span, string name, object scope) => Make(RD2001, s, span, name, scope);

    internal static Diagnostic DuplicateLabel(SourceText s, TextSpan span, string label, string other, object scope) => Make(RD2002, s, span, label, other, scope);

    internal static Diagnostic UnknownName(SourceText s, TextSpan span, string name, object scope, string? suggestion) =>
        Make(RD2003, s, span, name, scope, suggestion is null ? string.Empty : new LocalizableText("DidYouMean", suggestion));

    internal static Diagnostic DuplicateRuleCode(SourceText s, TextSpan span, string code) => Make(RD2004, s, span, code);

    internal static Diagnostic MissingFormatDeclaration(SourceText s, TextSpan span) => Make(RD2005, s, span);

    internal static Diagnostic DuplicateFormatDeclaration(SourceText s, TextSpan span) => Make(RD2006, s, span);

    internal static Diagnostic DuplicateFormat(SourceText s, TextSpan span, string id, string version, string otherPath) => Make(RD2007, s, span, id, version, otherPath);

    internal static Diagnostic UnknownProperty(SourceText s, TextSpan span, string name, IEnumerable<string> known) => Make(RD2008, s, span, name, QuotedList(known));

    internal static Diagnostic DuplicateProperty(SourceText s, TextSpan span, string name) => Make(RD2009, s, span, name);

    internal static Diagnostic MissingProperty(SourceText s, TextSpan span, string name) => Make(RD2010, s, span, name);

    internal static Diagnostic EmptyGroup(SourceText s, TextSpan span, string name) => Make(RD2011, s, span, name);

    internal static Diagnostic MissingAxis(SourceText s, TextSpan span, string table, bool rows) =>
        Make(RD2012, s, span, table, new LocalizableText(rows ? "Axis_Rows" : "Axis_Columns"), rows ? "rows" : "columns");

    internal static Diagnostic DuplicateAxis(SourceText s, TextSpan span, string keyword) => Make(RD2013, s, span, keyword);

    internal static Diagnostic GroupReference(SourceText s, TextSpan span, string path) => Make(RD2014, s, span, path);

    internal static Diagnostic HeaderReference(SourceText s, TextSpan span, string path) => Make(RD2015, s, span, path);

    internal static Diagnostic AbsentCellReference(SourceText s, TextSpan span, string cell) => Make(RD2016, s, span, cell);

    internal static Diagnostic WrongAxis(SourceText s, TextSpan span, string path, bool isRow) =>
        Make(RD2017, s, span, path, Axis(isRow), Axis(!isRow));

    internal static Diagnostic UnknownSeverity(SourceText s, TextSpan span, string text) => Make(RD2018, s, span, text);

    internal static Diagnostic InvalidYearRange(SourceText s, TextSpan span, long start, long end) => Make(RD2019, s, span, start, end);

    internal static Diagnostic IncompleteReference(SourceText s, TextSpan span, string path, bool missingRow) =>
        Make(RD2020, s, span, path, Axis(missingRow), missingRow ? "row" : "column");

    internal static Diagnostic ConflictingModifiers(SourceText s, TextSpan span, string modifier, string other) => Make(RD2021, s, span, modifier, other);

    internal static Diagnostic DuplicateModifier(SourceText s, TextSpan span, string modifier) => Make(RD2022, s, span, modifier);

    internal static Diagnostic ModifierNotAllowed(SourceText s, TextSpan span, string modifier, string placeKey) =>
        Make(RD2023, s, span, modifier, new LocalizableText(placeKey));

    internal static Diagnostic EmptySection(SourceText s, TextSpan span, string name) => Make(RD2024, s, span, name);

    internal static Diagnostic MissingCellType(SourceText s, TextSpan span, string cell) => Make(RD2025, s, span, cell);

    internal static Diagnostic InvalidPropertyValue(SourceText s, TextSpan span, string name, bool years) =>
        Make(RD2026, s, span, name, new LocalizableText(years ? "Value_Years" : "Value_String"));

    internal static Diagnostic SpecTooLarge(SourceText s, TextSpan span, int length) => Make(RD2090, s, span, length, MaxSpecCharacters);

    internal static Diagnostic TooManyRuleInstances(SourceText s, TextSpan span, string format, long instances) =>
        Make(RD2091, s, span, format, instances, MaxRuleInstances);
    // ---- 21xx: lineage and extends

    internal static Diagnostic UnknownEarlierFormat(SourceText s, TextSpan span, string name, string version, string keyword) => Make(RD2100, s, span, name, version, keyword);

    internal static Diagnostic ExtendsCycle(SourceText s, TextSpan span, string name, string version) => Make(RD2101, s, span, name, version);

    internal static Diagnostic RemoveWithoutExtends(SourceText s, TextSpan span) => Make(RD2102, s, span);

    internal static Diagnostic RemoveTargetNotFound(SourceText s, TextSpan span, string kind, string target) => Make(RD2103, s, span, kind, target);

    internal static Diagnostic ChangeWithoutExtends(SourceText s, TextSpan span, string keyword) => Make(RD2119, s, span, keyword);

    internal static Diagnostic ChangeTargetNotFound(SourceText s, TextSpan span, string kind, string target) => Make(RD2120, s, span, kind, target);

    internal static Diagnostic ChangeAnchorNotFound(SourceText s, TextSpan span, string anchor, string parent, string placement) => Make(RD2121, s, span, anchor, parent, placement);

    internal static Diagnostic ReplacementCount(SourceText s, TextSpan span, string kind, int count) => Make(RD2122, s, span, kind, count);

    internal static Diagnostic AddedItemExists(SourceText s, TextSpan span, string parent, string name, string kind) => Make(RD2123, s, span, parent, name, kind);

    internal static Diagnostic ConflictingChanges(SourceText s, TextSpan span, string target, int line) => Make(RD2124, s, span, target, line);

    internal static Diagnostic AddIntoLeaf(SourceText s, TextSpan span, string target) => Make(RD2125, s, span, target);

    internal static Diagnostic LineageWithoutEarlier(SourceText s, TextSpan span, string keyword) => Make(RD2104, s, span, keyword);

    internal static Diagnostic LineageSourceNotFound(SourceText s, TextSpan span, string earlier, object what, string name) => Make(RD2105, s, span, earlier, what, name);

    internal static Diagnostic SinglePart(SourceText s, TextSpan span, string keyword, string source) => Make(RD2106, s, span, keyword, source);

    internal static Diagnostic SplitSourceHoldsNoValues(SourceText s, TextSpan span, string path) => Make(RD2107, s, span, path);

    internal static Diagnostic SinceAfterVersion(SourceText s, TextSpan span, string since, string version) => Make(RD2108, s, span, since, version);

    internal static Diagnostic SinceButExisted(SourceText s, TextSpan span, string name, string since, string earlier) => Make(RD2109, s, span, name, since, earlier);

    internal static Diagnostic UntilBeforeSince(SourceText s, TextSpan span, string until, string since) => Make(RD2110, s, span, until, since);

    internal static Diagnostic LineageNotAllowed(SourceText s, TextSpan span, string keyword, string placeKey) => Make(RD2111, s, span, keyword, new LocalizableText(placeKey));

    internal static Diagnostic ConflictingLineage(SourceText s, TextSpan span, string keyword, string other) => Make(RD2112, s, span, keyword, other);

    internal static Diagnostic LineageSourceClaimedTwice(SourceText s, TextSpan span, string source, string other) => Make(RD2113, s, span, source, other);

    internal static Diagnostic RevisedFormatNotFound(SourceText s, TextSpan span, string name, string version) => Make(RD2114, s, span, name, version);

    internal static Diagnostic MovedOperandMismatch(SourceText s, TextSpan span, string operand, string placeKey) => Make(RD2115, s, span, operand, new LocalizableText(placeKey));

    internal static Diagnostic SectionPlaceMismatch(SourceText s, TextSpan span, string section, int written, string earlier, int place) => Make(RD2116, s, span, section, written, earlier, place);

    internal static Diagnostic SplitLeavesCellUncovered(SourceText s, TextSpan span, string source, string cell, string parts) => Make(RD2117, s, span, source, cell, parts);

    internal static Diagnostic SplitPartCountedTwice(SourceText s, TextSpan span, string part, string enclosing, string source) => Make(RD2118, s, span, part, enclosing, source);

    internal static Diagnostic InvalidRange(SourceText s, TextSpan span, string range) => Make(RD2170, s, span, Shorten(range));

    internal static Diagnostic InvalidPattern(SourceText s, TextSpan span, string pattern, string reason) => Make(RD2171, s, span, Shorten(pattern), reason.TrimEnd('.'));

    internal static Diagnostic InvalidEnumWord(SourceText s, TextSpan span, string word) => Make(RD2172, s, span, Shorten(word));

    internal static Diagnostic DefaultNotOfType(SourceText s, TextSpan span, string value, string type) => Make(RD2173, s, span, Shorten(value), type);

    internal static Diagnostic OptionNotForType(SourceText s, TextSpan span, string option, string type) => Make(RD2174, s, span, option, type);

    internal static Diagnostic DuplicateTypeOption(SourceText s, TextSpan span, string option) => Make(RD2175, s, span, option);

    internal static Diagnostic NothingToAddUp(SourceText s, TextSpan span, string path) => Make(RD2176, s, span, path);

    // ---- 219x: facts

    internal static Diagnostic FactPatternPlaceholder(SourceText s, TextSpan span, string fact, int count) => Make(RD2190, s, span, fact, count);

    internal static Diagnostic InvalidFactPattern(SourceText s, TextSpan span, string fact, object problem) =>
        Make(RD2191, s, span, fact, problem is string text ? Shorten(text) : problem);

    // ---- 3xxx: types and rules

    internal static Diagnostic NotANumberType(SourceText s, TextSpan span, string cell, string type) => Make(RD3030, s, span, cell, type);

    internal static Diagnostic IncompatibleOperands(SourceText s, TextSpan span, object left, object right) => Make(RD3001, s, span, left, right);

    internal static Diagnostic TextInArithmetic(SourceText s, TextSpan span, string path) => Make(RD3002, s, span, path);

    internal static Diagnostic AmountsWithoutTolerance(SourceText s, TextSpan span, string suggested) => Make(RD3003, s, span, suggested);

    internal static Diagnostic UselessTolerance(SourceText s, TextSpan span) => Make(RD3004, s, span);

    internal static Diagnostic MissingPrecision(SourceText s, TextSpan span) => Make(RD3005, s, span);

    internal static Diagnostic PrecisionOutOfRange(SourceText s, TextSpan span, string precision) => Make(RD3006, s, span, precision);

    internal static Diagnostic ConflictingCellTypes(SourceText s, TextSpan span, string cell, object rowType, object columnType) =>
        Make(RD3007, s, span, cell, rowType, columnType);

    internal static Diagnostic UnknownFunction(SourceText s, TextSpan span, string name, IEnumerable<string> known) => Make(RD3008, s, span, name, QuotedList(known));

    internal static Diagnostic WrongArgumentCount(SourceText s, TextSpan span, string name, int expected, int actual) => Make(RD3009, s, span, name, expected, actual);

    internal static Diagnostic SumNeedsReference(SourceText s, TextSpan span) => Make(RD3010, s, span);

    internal static Diagnostic QuantifierOverWrongAxis(SourceText s, TextSpan span, bool quantifierIsRow, string path) =>
        Make(RD3011, s, span, quantifierIsRow ? "row" : "column", path, Axis(!quantifierIsRow), Axis(quantifierIsRow));

    internal static Diagnostic DuplicateQuantifier(SourceText s, TextSpan span, bool isRow) => Make(RD3012, s, span, Axis(isRow));

    internal static Diagnostic QuantifierShapeMismatch(SourceText s, TextSpan span, bool isRow, string path, string table) =>
        Make(RD3013, s, span, isRow ? "row" : "column", path, table, Axis(isRow));

    internal static Diagnostic UnusedQuantifier(SourceText s, TextSpan span, bool isRow) => Make(RD3014, s, span, isRow ? "row" : "column");

    internal static Diagnostic UnitMismatch(SourceText s, TextSpan span, string left, string right) => Make(RD3015, s, span, left, right);

    internal static Diagnostic FactOfTextType(SourceText s, TextSpan span, string fact) => Make(RD3045, s, span, fact);

    internal static Diagnostic FactWithColumn(SourceText s, TextSpan span, string fact) => Make(RD3046, s, span, fact);

    internal static Diagnostic PreviousFact(SourceText s, TextSpan span, string fact) => Make(RD3047, s, span, fact);

    internal static Diagnostic PresenceOfPrevious(SourceText s, TextSpan span) => Make(RD3031, s, span);

    internal static Diagnostic ToleranceOnPresence(SourceText s, TextSpan span) => Make(RD3032, s, span);
    internal static Diagnostic UnitMismatchAt(SourceText s, TextSpan span, string left, string right, string item) => Make(RD3020, s, span, left, right, item);

    internal static Diagnostic ConditionAlwaysTrue(SourceText s, TextSpan span) => Make(RD3016, s, span);

    internal static Diagnostic ConditionAlwaysFalse(SourceText s, TextSpan span) => Make(RD3017, s, span);

    internal static Diagnostic InvalidRoundDigits(SourceText s, TextSpan span) => Make(RD3018, s, span);

    internal static Diagnostic UnknownPlaceholder(SourceText s, TextSpan span, string name, IEnumerable<string> known) => Make(RD3019, s, span, Shorten(name), QuotedList(known.Select(k => "{" + k + "}")));

    internal static Diagnostic ScopeNeedsList(SourceText s, TextSpan span, string keyword) => Make(RD2150, s, span, keyword);

    internal static Diagnostic NotAGroup(SourceText s, TextSpan span, string path) => Make(RD2151, s, span, path);

    internal static Diagnostic DuplicateScope(SourceText s, TextSpan span) => Make(RD2152, s, span);

    internal static Diagnostic ValueTestMismatch(SourceText s, TextSpan span, object left, object right) => Make(RD2153, s, span, left, right);

    internal static Diagnostic ValueTestOperator(SourceText s, TextSpan span, string op, string type) => Make(RD2154, s, span, op, type);

    internal static Diagnostic InvalidTestValue(SourceText s, TextSpan span, string value, string cell, string type) => Make(RD2155, s, span, value, cell, type);

    internal static Diagnostic WrittenValueOutsideTest(SourceText s, TextSpan span, string value) => Make(RD2156, s, span, value);

    // ---- 4xxx: templates

    internal static Diagnostic TemplateSyntaxError(SourceText s, TextSpan span, string detail) => Make(RD4001, s, span, Shorten(detail));

    internal static Diagnostic TemplateRuntimeError(SourceText s, TextSpan span, string detail) => Make(RD4002, s, span, Shorten(detail));

    internal static Diagnostic TemplateLimitExceeded(SourceText s, TextSpan span, string limit) => Make(RD4003, s, span, limit);

    internal static Diagnostic TemplateNotFound(SourceText s, TextSpan span, string name, string folder) => Make(RD4004, s, span, name, folder);

    internal static Diagnostic UnreadableWordTemplate(SourceText s, string reason) => Make(RD4005, s, default, reason);

    internal static Diagnostic TemplateTableNotFound(SourceText s, string table) => Make(RD4006, s, default, table);

    internal static Diagnostic TemplateCellNotFound(SourceText s, string table, string row, string column) => Make(RD4007, s, default, table, row, column);

    internal static Diagnostic UnreadableProse(SourceText s, TextSpan span, string reason) => Make(RD4100, s, span, Shorten(reason));

    internal static Diagnostic ProseUnknownSection(SourceText s, TextSpan span, string section, IEnumerable<string> sections) => Make(RD4101, s, span, Shorten(section), QuotedList(sections));

    internal static Diagnostic ProseInvalidDate(SourceText s, TextSpan span, string date) => Make(RD4102, s, span, Shorten(date));

    internal static Diagnostic UnwritableCharacter(SourceText s, string where, int character) =>
        Make(RD4103, s, default, Shorten(where), character.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
    // ---- 5xxx: C# emit (the source generator; the spec compiles, but the build cannot place its code)

    internal static Diagnostic InvalidGeneratedNamespace(SourceText s, string @namespace) => Make(RD5001, s, default, Shorten(@namespace), s.Path);

    internal static Diagnostic DuplicateGeneratedNamespace(SourceText s, string @namespace, string firstPath) => Make(RD5002, s, default, @namespace, firstPath, s.Path);

    // ---- 70xx: the analysis of a rule set

    internal static Diagnostic RuleNeverHolds(SourceText s, TextSpan span, string rules, string comparison) => Make(RD7001, s, span, rules, Shorten(comparison));

    internal static Diagnostic RuleAlwaysHolds(SourceText s, TextSpan span, string rules, string comparison) => Make(RD7002, s, span, rules, Shorten(comparison));

    internal static Diagnostic ContradictoryRules(SourceText s, TextSpan span, string rules, string cells) => Make(RD7003, s, span, rules, cells);

    internal static Diagnostic ImpliedRule(SourceText s, TextSpan span, string rule, string implying) => Make(RD7004, s, span, rule, implying);

    internal static Diagnostic SumCountsTotalTwice(SourceText s, TextSpan span, string rules, string sum, string total, string definition, string parts) =>
        Make(RD7005, s, span, rules, sum, total, definition, parts);

    internal static Diagnostic SumIncludesTotalItem(SourceText s, TextSpan span, string rules, string sum, string item, string label) => Make(RD7006, s, span, rules, sum, item, label);

    internal static Diagnostic UnconstrainedCells(SourceText s, TextSpan span, int count, string table, string cells) => Make(RD7007, s, span, count, table, cells);

    internal static Diagnostic RuleNotAnalysed(SourceText s, TextSpan span, string rule, string reasonKey) => Make(RD7008, s, span, rule, new LocalizableText(reasonKey));

    internal static Diagnostic RuleSystemTooLarge(SourceText s, TextSpan span, string rules, int comparisons, int cells, int maxComparisons, int maxCells) =>
        Make(RD7009, s, span, rules, comparisons, cells, maxComparisons, maxCells);

    internal static Diagnostic RuleNeverHoldsInWholeNumbers(SourceText s, TextSpan span, string rules, string comparison, string step) => Make(RD7012, s, span, rules, Shorten(comparison), step);

    internal static Diagnostic RulesForceFraction(SourceText s, TextSpan span, string rules, string cells) => Make(RD7013, s, span, rules, cells);

    internal static Diagnostic AnalysisStepLimit(SourceText s, TextSpan span, string format, long steps) => Make(RD7010, s, span, format, steps);

    internal static Diagnostic FormatNotAnalysed(SourceText s, TextSpan span, string format) => Make(RD7011, s, span, format);

    // ---- 9xxx: internal

    internal static Diagnostic InternalError(SourceText? s, TextSpan span, string detail) => Make(RD9001, s, span, detail);

    internal static LocalizableText Axis(bool isRow) => new(isRow ? "Axis_Row" : "Axis_Column");

    private static Diagnostic Make(DiagnosticDescriptor descriptor, SourceText? source, TextSpan span, params object[] arguments) =>
        new(descriptor, source, span, [.. arguments]);

    private static string QuotedList(IEnumerable<string> items) =>
        string.Join(", ", items.Order(StringComparer.Ordinal).Select(i => $"\"{i}\""));

    // Quoted source in messages is cut to 80 characters so that a diagnostic stays one readable line.
    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
