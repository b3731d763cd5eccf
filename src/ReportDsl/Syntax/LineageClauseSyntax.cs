using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>
/// How an item relates to the earlier version of its format: <c>renamed from old_id</c> (or an old label),
/// <c>split from path</c>, <c>merged from a, b</c>, <c>moved from section</c>, <c>since 2021</c>, <c>until 2020</c>.
/// </summary>
public sealed class LineageClauseSyntax : SyntaxNode
{
    internal LineageClauseSyntax(SyntaxToken keyword, SyntaxToken? fromKeyword, SyntaxList<SyntaxElement> operands)
        : base(SyntaxKind.LineageClause, [keyword, fromKeyword, operands])
    {
    }

    private LineageClauseSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.LineageClause, slots)
    {
    }

    /// <summary>Gets <c>renamed</c>, <c>split</c>, <c>merged</c>, <c>moved</c>, <c>since</c> or <c>until</c>.</summary>
    public SyntaxToken Keyword => Token(0);

    /// <summary>Gets the <c>from</c> keyword (absent after <c>since</c> and <c>until</c>).</summary>
    public SyntaxToken? FromKeyword => OptionalToken(1);

    /// <summary>Gets the operands in source order: paths, a label string, a version, and the commas between paths.</summary>
    public SyntaxList<SyntaxElement> Operands => Node<SyntaxList<SyntaxElement>>(2);

    /// <summary>Gets the paths named by the clause.</summary>
    public IEnumerable<PathSyntax> Paths => Operands.OfType<PathSyntax>();

    /// <summary>Gets the string or version operand, if the clause has one.</summary>
    public SyntaxToken? Value => Operands.OfType<SyntaxToken>().FirstOrDefault(t => t.Kind != SyntaxKind.CommaToken);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new LineageClauseSyntax(slots);
}
