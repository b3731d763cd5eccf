using System.Collections.Immutable;
using System.Text;
using ReportDsl.Text;

namespace ReportDsl.Syntax;

/// <summary>A token with its leading and trailing trivia. A missing token was expected but absent; it has no text.</summary>
public sealed class SyntaxToken : SyntaxElement
{
    internal SyntaxToken(
        SyntaxKind kind,
        int position,
        string text,
        object? value,
        ImmutableArray<SyntaxTrivia> leadingTrivia,
        ImmutableArray<SyntaxTrivia> trailingTrivia,
        bool isMissing = false)
        : base(kind)
    {
        Position = position;
        Text = text;
        Value = value;
        LeadingTrivia = leadingTrivia;
        TrailingTrivia = trailingTrivia;
        IsMissing = isMissing;
    }

    /// <summary>Gets the offset of the token's text.</summary>
    public int Position { get; }

    /// <summary>Gets the token's text as written (a string keeps its quotes and escapes).</summary>
    public string Text { get; }

    /// <summary>Gets the decoded value: a <see cref="string"/> for strings, a <see cref="long"/> or <see cref="decimal"/> for numbers; null otherwise or when the literal is invalid.</summary>
    public object? Value { get; }

    /// <summary>Gets the value of a string token, or its text for any other token.</summary>
    public string ValueText => Value as string ?? Text;

    /// <summary>Gets the trivia before the token.</summary>
    public ImmutableArray<SyntaxTrivia> LeadingTrivia { get; }

    /// <summary>Gets the trivia after the token up to and including the end of its line.</summary>
    public ImmutableArray<SyntaxTrivia> TrailingTrivia { get; }

    /// <summary>Gets whether the parser expected this token and did not find it.</summary>
    public bool IsMissing { get; }

    /// <inheritdoc />
    public override TextSpan Span => new(Position, Text.Length);

    /// <inheritdoc />
    public override TextSpan FullSpan
    {
        get
        {
            var start = LeadingTrivia.IsEmpty ? Position : LeadingTrivia[0].Position;
            var end = TrailingTrivia.IsEmpty ? Position + Text.Length : TrailingTrivia[^1].Span.End;
            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>Creates a missing token of a kind at a position.</summary>
    internal static SyntaxToken Missing(SyntaxKind kind, int position) =>
        new(kind, position, string.Empty, null, [], [], isMissing: true);

    /// <summary>Returns a copy of the token with other trivia. Positions in the copy are not updated.</summary>
    public SyntaxToken WithTrivia(ImmutableArray<SyntaxTrivia> leading, ImmutableArray<SyntaxTrivia> trailing) =>
        new(Kind, Position, Text, Value, leading, trailing, IsMissing);

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        foreach (var trivia in LeadingTrivia)
        {
            builder.Append(trivia.Text);
        }

        builder.Append(Text);
        foreach (var trivia in TrailingTrivia)
        {
            builder.Append(trivia.Text);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
