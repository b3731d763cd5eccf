using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReportDsl.Diagnostics;

namespace ReportDsl.Validation;

/// <summary>Where a value came from: a file and a 1-based line and column, or a place in a document such as a table cell.</summary>
public sealed record FindingLocation(string Path, int Line, int Column, string? Detail = null)
{
    /// <inheritdoc />
    public override string ToString() => Detail is null ? $"{Path}({Line},{Column})" : $"{Path}({Line},{Column}) {Detail}";
}

/// <summary>A cell that a finding is about: its identifier, its official labels, its value, and where the value came from.</summary>
public sealed record FindingCell(
    string Id,
    string Table,
    string TableLabel,
    ImmutableArray<string> RowLabels,
    ImmutableArray<string> ColumnLabels,
    decimal? Value,
    bool IsPrevious,
    FindingLocation? Location)
{
    /// <summary>Gets whether the cell was blank and its value is the default its type declares.</summary>
    public bool IsDefaulted { get; init; }

    /// <summary>Gets the value of a text, date, boolean or enum cell (a boolean as true or false); null for numbers and blanks.</summary>
    public string? Text { get; init; }
}

/// <summary>One side of a broken comparison: the cells with their coefficients, in identifiers and in labels, and its value.</summary>
public sealed record FindingSide(string Expression, string Labels, decimal Value);

/// <summary>How serious a finding is.</summary>
public enum FindingSeverity
{
    /// <summary>The report is probably wrong, or a rule could not be checked.</summary>
    Warning,

    /// <summary>The report is wrong.</summary>
    Error,
}

/// <summary>
/// Something wrong with a report: a broken rule (code = the rule's code) or a problem with a value (code RD31xx).
/// The fingerprint depends only on the code and the cells, so a review tool can follow a finding across runs.
/// </summary>
public sealed class Finding
{
    private readonly DiagnosticDescriptor? _descriptor;
    private readonly ImmutableArray<object> _arguments;
    private readonly string? _ruleMessage;

    private Finding(string code, FindingSeverity severity, DiagnosticDescriptor? descriptor, ImmutableArray<object> arguments, string? ruleMessage)
    {
        Code = code;
        Severity = severity;
        _descriptor = descriptor;
        _arguments = arguments;
        _ruleMessage = ruleMessage;
    }

    /// <summary>Gets the code: a rule code such as GK001, or RD31xx for problems with values.</summary>
    public string Code { get; }

    /// <summary>Gets the severity.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Gets the rule the finding is about, if any.</summary>
    public string? Rule { get; private init; }

    /// <summary>Gets the table the finding is in.</summary>
    public string? Table { get; private init; }

    /// <summary>Gets the cells involved.</summary>
    public ImmutableArray<FindingCell> Cells { get; private init; } = [];

    /// <summary>Gets the left side of a broken comparison.</summary>
    public FindingSide? Left { get; private init; }

    /// <summary>Gets the comparison operator of a broken rule, as written: <c>=</c>, <c>&lt;=</c>….</summary>
    public string? Operator { get; private init; }

    /// <summary>Gets the right side of a broken comparison.</summary>
    public FindingSide? Right { get; private init; }

    /// <summary>Gets left minus right, for a broken comparison.</summary>
    public decimal? Difference => Left is null || Right is null ? null : Left.Value - Right.Value;

    /// <summary>Gets the tolerance the rule allows, if any.</summary>
    public decimal? Tolerance { get; private init; }

    /// <summary>Gets the row or column the rule was checked at, when it ranges over them: its labels joined with '/'.</summary>
    public string? At { get; private init; }

    /// <summary>Gets where the first involved value came from.</summary>
    public FindingLocation? Location { get; private init; }

    /// <summary>
    /// Gets how many cells this finding left empty (a row not found or not readable in a document, a blank cell): the
    /// cells it lists. Zero for findings that leave nothing empty.
    /// </summary>
    public int AffectedCells => LeavesEmpty ? Cells.Length : 0;

    /// <summary>
    /// Gets the findings that follow from the cells this one left empty (rule checks that could not be made), folded
    /// into it so that one problem is reported once.
    /// </summary>
    public ImmutableArray<Finding> Folded { get; private init; } = [];

    /// <summary>Whether the listed cells are empty because of this finding, so that findings about them fold into it.</summary>
    internal bool LeavesEmpty { get; private init; }

    /// <summary>Gets a stable identity: a hash of the code and the involved cell identifiers.</summary>
    public string Fingerprint { get; private init; } = string.Empty;

    /// <summary>Gets the message in the current UI culture. A rule's own message is shown as the spec writes it.</summary>
    public string Message => GetMessage(CultureInfo.CurrentUICulture);

    /// <summary>Gets the message in a culture.</summary>
    public string GetMessage(CultureInfo culture) => _ruleMessage ?? (_descriptor is null
        ? string.Empty
        : string.Format(culture, _descriptor.GetMessageFormat(culture), LocalizableText.Localize(_arguments, culture)));

    internal static Finding ForRule(
        Semantics.RuleSymbol rule, ImmutableArray<FindingCell> cells, FindingSide left, string op, FindingSide right, string? at, string? message = null) =>
        new(rule.Code, rule.Severity == Semantics.RuleSeverity.Error ? FindingSeverity.Error : FindingSeverity.Warning, null, [], message ?? rule.Message)
        {
            Rule = rule.Code,
            Table = rule.Table.Name,
            Cells = cells,
            Left = left,
            Operator = op,
            Right = right,
            Tolerance = rule.Tolerance,
            At = at,
            Location = cells.Select(c => c.Location).FirstOrDefault(l => l is not null),
            Fingerprint = MakeFingerprint(rule.Code, cells.Select(c => (c.IsPrevious ? "previous " : string.Empty) + c.Id)),
        };

    /// <summary>A broken existence rule (<c>present</c>): no sides to show, only the cells involved (condition, then target).</summary>
    internal static Finding ForPresence(Semantics.RuleSymbol rule, ImmutableArray<FindingCell> cells, string? at, string? message) =>
        new(rule.Code, rule.Severity == Semantics.RuleSeverity.Error ? FindingSeverity.Error : FindingSeverity.Warning, null, [], message ?? rule.Message)
        {
            Rule = rule.Code,
            Table = rule.Table.Name,
            Cells = cells,
            At = at,
            Location = cells.Select(c => c.Location).FirstOrDefault(l => l is not null),
            Fingerprint = MakeFingerprint(rule.Code, cells.Select(c => c.Id).DefaultIfEmpty(at ?? string.Empty)),
        };

    internal static Finding ForData(DiagnosticDescriptor descriptor, ImmutableArray<FindingCell> cells, string? rule, FindingLocation? location, params object[] arguments) =>
        new(descriptor.Code, descriptor.Severity == DiagnosticSeverity.Error ? FindingSeverity.Error : FindingSeverity.Warning, descriptor, [.. arguments], null)
        {
            Rule = rule,
            Table = cells.IsEmpty ? null : cells[0].Table,
            Cells = cells,
            Location = location ?? cells.Select(c => c.Location).FirstOrDefault(l => l is not null),
            Fingerprint = MakeFingerprint(descriptor.Code + (rule is null ? string.Empty : ":" + rule), cells.Select(c => c.Id).DefaultIfEmpty(arguments.Length > 0 ? arguments[0].ToString() ?? string.Empty : string.Empty)),
        };

    /// <summary>
    /// A finding about last year's report as a whole (its year): fingerprinted by the code alone, since the report's
    /// path says where a run found it, not what is wrong, and a fingerprint must stay the same wherever the files are.
    /// </summary>
    internal static Finding ForPreviousReport(DiagnosticDescriptor descriptor, FindingLocation location, params object[] arguments)
    {
        var finding = ForData(descriptor, [], null, location, arguments);
        return new Finding(finding.Code, finding.Severity, descriptor, [.. arguments], null)
        {
            Location = finding.Location,
            Fingerprint = MakeFingerprint(descriptor.Code, ["previous"]),
        };
    }

    /// <summary>A finding about a document that left the listed cells empty (a row not found, cells that cannot be read).</summary>
    internal static Finding ForUnread(DiagnosticDescriptor descriptor, ImmutableArray<FindingCell> cells, FindingLocation? location, params object[] arguments)
    {
        var finding = ForData(descriptor, cells, null, location, arguments);
        return new Finding(finding.Code, finding.Severity, descriptor, [.. arguments], null)
        {
            Table = finding.Table,
            Cells = cells,
            Location = finding.Location,
            Fingerprint = finding.Fingerprint,
            LeavesEmpty = !cells.IsEmpty,
        };
    }

    /// <summary>This finding with the findings that follow from it folded in.</summary>
    internal Finding WithFolded(ImmutableArray<Finding> folded) => new(Code, Severity, _descriptor, _arguments, _ruleMessage)
    {
        Rule = Rule,
        Table = Table,
        Cells = Cells,
        Left = Left,
        Operator = Operator,
        Right = Right,
        Tolerance = Tolerance,
        At = At,
        Location = Location,
        Fingerprint = Fingerprint,
        LeavesEmpty = LeavesEmpty,
        Folded = folded,
    };

    private static string MakeFingerprint(string code, IEnumerable<string> cells)
    {
        var text = code + "|" + string.Join("|", cells.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Severity.ToString().ToLowerInvariant()}: {Message}";
}
