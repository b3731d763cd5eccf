using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>table id "label" { members }</c>.</summary>
public sealed class TableDeclarationSyntax : SyntaxNode
{
    internal TableDeclarationSyntax(SyntaxToken tableKeyword, SyntaxToken name, LabelsSyntax labels, SyntaxToken openBrace, SyntaxList<TableMemberSyntax> members, SyntaxToken closeBrace)
        : base(SyntaxKind.TableDeclaration, [tableKeyword, name, labels, openBrace, members, closeBrace])
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

    /// <summary>Gets the opening brace.</summary>
    public SyntaxToken OpenBrace => Token(3);

    /// <summary>Gets the members.</summary>
    public SyntaxList<TableMemberSyntax> Members => Node<SyntaxList<TableMemberSyntax>>(4);

    /// <summary>Gets the closing brace.</summary>
    public SyntaxToken CloseBrace => Token(5);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new TableDeclarationSyntax(slots);
}
