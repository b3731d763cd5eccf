using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>
/// <c>add row|column table.group [after|before id] { items }</c>, <c>replace row|column table.path { item }</c>,
/// <c>add rule table { rules }</c> or <c>replace rule CODE { rule }</c>: a change to an inherited table in a format
/// that extends another, stated without restating the table.
/// </summary>
public sealed class ChangeDeclarationSyntax : DeclarationSyntax
{
    internal ChangeDeclarationSyntax(
        SyntaxToken operationKeyword,
        SyntaxToken kindKeyword,
        PathSyntax target,
        SyntaxToken? placementKeyword,
        SyntaxToken? anchor,
        SyntaxToken openBrace,
        SyntaxList<AxisItemSyntax>? items,
        SyntaxList<RuleDeclarationSyntax>? rules,
        SyntaxToken closeBrace)
        : base(SyntaxKind.ChangeDeclaration, [operationKeyword, kindKeyword, target, placementKeyword, anchor, openBrace, items, rules, closeBrace])
    {
    }

    private ChangeDeclarationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.ChangeDeclaration, slots)
    {
    }

    /// <summary>Gets <c>add</c> or <c>replace</c>.</summary>
    public SyntaxToken OperationKeyword => Token(0);

    /// <summary>Gets what is added or replaced: <c>row</c>, <c>column</c> or <c>rule</c>.</summary>
    public SyntaxToken KindKeyword => Token(1);

    /// <summary>
    /// Gets the target: for <c>add row|column</c> the table (and group) the items go into; for <c>replace row|column</c>
    /// the item replaced (<c>table.path</c>); for <c>add rule</c> the table; for <c>replace rule</c> the rule's code.
    /// </summary>
    public PathSyntax Target => Node<PathSyntax>(2);

    /// <summary>Gets <c>after</c> or <c>before</c> (null when added items go at the end).</summary>
    public SyntaxToken? PlacementKeyword => OptionalToken(3);

    /// <summary>Gets the identifier of the sibling the added items go after or before.</summary>
    public SyntaxToken? Anchor => OptionalToken(4);

    /// <summary>Gets the opening brace.</summary>
    public SyntaxToken OpenBrace => Token(5);

    /// <summary>Gets the rows or columns added or the replacement (null for rules).</summary>
    public SyntaxList<AxisItemSyntax>? Items => OptionalNode<SyntaxList<AxisItemSyntax>>(6);

    /// <summary>Gets the rules added or the replacement (null for rows and columns).</summary>
    public SyntaxList<RuleDeclarationSyntax>? Rules => OptionalNode<SyntaxList<RuleDeclarationSyntax>>(7);

    /// <summary>Gets the closing brace.</summary>
    public SyntaxToken CloseBrace => Token(8);

    /// <summary>Gets whether this adds (otherwise it replaces).</summary>
    public bool IsAdd => OperationKeyword.Kind == SyntaxKind.AddKeyword;

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new ChangeDeclarationSyntax(slots);
}
