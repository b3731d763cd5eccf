using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>table id "label" [required|optional] { members }</c>.</summary>
public sealed class TableDeclarationSyntax : SyntaxNode
{
    internal TableDeclarationSyntax(SyntaxToken tableKeyword, SyntaxToken name, LabelsSyntax labels, SyntaxList<SyntaxToken> modifiers, SyntaxList<LineageClauseSyntax>? lineage, SyntaxToken openBrace, SyntaxList<TableMemberSyntax> members, SyntaxToken closeBrace)
        : base(SyntaxKind.TableDeclaration, [tableKeyword, name, labels, modifiers, lineage, openBrace, members, closeBrace])
    {
    }

    private TableDeclarationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.TableDeclaration, slots)
    {
    }

    /// <summary>Gets the <c>table</c> keyword.</summary>
    public SyntaxToken TableKeyword => Token(0);

    /// <summary>Gets the table's identifier.</summary>
    public SyntaxToken Name => Token(1);

    /// <summary>Gets the table's caption and its aliases.</summary>
    public LabelsSyntax Labels => Node<LabelsSyntax>(2);

    /// <summary>Gets the modifiers (<c>required</c>, <c>optional</c>).</summary>
    public SyntaxList<SyntaxToken> Modifiers => Node<SyntaxList<SyntaxToken>>(3);

    /// <summary>Gets the lineage clauses (null when there are none).</summary>
    public SyntaxList<LineageClauseSyntax>? Lineage => OptionalNode<SyntaxList<LineageClauseSyntax>>(4);

    /// <summary>Gets the opening brace.</summary>
    public SyntaxToken OpenBrace => Token(5);

    /// <summary>Gets the members.</summary>
    public SyntaxList<TableMemberSyntax> Members => Node<SyntaxList<TableMemberSyntax>>(6);

    /// <summary>Gets the closing brace.</summary>
    public SyntaxToken CloseBrace => Token(7);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new TableDeclarationSyntax(slots);
}
