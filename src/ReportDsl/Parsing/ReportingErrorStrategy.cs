using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace ReportDsl.Parsing;

/// <summary>What the parser reported: a token it skipped, a token it had to invent, or input it could not read at all.</summary>
internal enum SyntaxErrorKind
{
    Unwanted,
    Missing,
    Invalid,
}

internal readonly record struct SyntaxErrorInfo(SyntaxErrorKind Kind, IToken Offending, IntervalSet Expected);

/// <summary>
/// ANTLR's default recovery (single-token insertion and deletion, then resynchronisation), with reports collected as
/// structured data instead of English strings, so that they become catalogued diagnostics.
/// </summary>
internal sealed class ReportingErrorStrategy : DefaultErrorStrategy
{
    public List<SyntaxErrorInfo> Errors { get; } = [];

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e) =>
        Errors.Add(new SyntaxErrorInfo(SyntaxErrorKind.Invalid, e.OffendingToken, e.GetExpectedTokens()));

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e) =>
        Errors.Add(new SyntaxErrorInfo(SyntaxErrorKind.Invalid, e.OffendingToken, e.GetExpectedTokens()));

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e) =>
        Errors.Add(new SyntaxErrorInfo(SyntaxErrorKind.Invalid, e.OffendingToken, e.GetExpectedTokens()));

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Errors.Add(new SyntaxErrorInfo(SyntaxErrorKind.Unwanted, recognizer.CurrentToken, GetExpectedTokens(recognizer)));
    }

    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Errors.Add(new SyntaxErrorInfo(SyntaxErrorKind.Missing, recognizer.CurrentToken, GetExpectedTokens(recognizer)));
    }
}
