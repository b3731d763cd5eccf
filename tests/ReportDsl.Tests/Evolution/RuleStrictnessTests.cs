using System.Globalization;
using CsCheck;
using ReportDsl.Evolution;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Tests.Evolution;

/// <summary>
/// The classification of a changed rule is sound: checked against the validator's own comparison over a grid of values,
/// a rule called stricter never accepts what the old one refused, a looser one never refuses what the old one accepted.
/// </summary>
public sealed class RuleStrictnessTests
{
    private static readonly string[] Operators = ["=", "!=", "<", "<=", ">", ">="];
    private static readonly decimal[] Tolerances = [0m, 0.01m, 0.05m];

    private static (RuleSymbol Old, RuleSymbol New) Rules(string oldRule, string newRule)
    {
        static string Spec(int version, string rule) =>
            $$"""
            format demo version {{version}}{{(version == 2 ? " revises demo 1" : string.Empty)}} {
              title "示例"
              source "示例"
              years {{version}}..
            }

            section s "一、示例" {
              table t "示例表" {
                cells amount unit "万元" precision 2
                columns {
                  a "甲"
                }
                rows {
                  x "子"
                  y "丑"
                }

                {{rule}}
              }
            }
            """;
        var compilation = Compilation.Create([SyntaxTree.Parse(SourceText.From(Spec(1, oldRule), "old.rdsl")), SyntaxTree.Parse(SourceText.From(Spec(2, newRule), "new.rdsl"))]);
        compilation.HasErrors.ShouldBeFalse(string.Join("\n", compilation.GetDiagnostics()));
        return (compilation.Formats.Single(f => f.Version == "1").Rules.Single(), compilation.Formats.Single(f => f.Version == "2").Rules.Single());
    }

    private static string Rule(string op, decimal tolerance, bool swapped) =>
        $"rule R1 error \"子与丑。\"{(tolerance == 0 ? string.Empty : " tolerance " + tolerance.ToString(CultureInfo.InvariantCulture))} for each column: "
        + (swapped ? $"y {Mirror(op)} x" : $"x {op} y");

    private static string Mirror(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    [Fact]
    public void Stricter_and_looser_agree_with_the_validator_on_every_value()
    {
        var cases = from op1 in Gen.Int[0, 5].Select(i => Operators[i])
                    from op2 in Gen.Int[0, 5].Select(i => Operators[i])
                    from t1 in Gen.Int[0, 2].Select(i => Tolerances[i])
                    from t2 in Gen.Int[0, 2].Select(i => Tolerances[i])
                    from swapped in Gen.Bool
                    select (op1, op2, t1, t2, swapped);
        cases.Sample(c =>
        {
            var (old, @new) = Rules(Rule(c.op1, c.t1, swapped: false), Rule(c.op2, c.t2, c.swapped));
            var strictness = RuleComparer.Classify(old, @new, new Dictionary<string, string>(StringComparer.Ordinal));
            for (var d = -0.1m; d <= 0.1m; d += 0.005m)
            {
                var before = RuleCompiler.Holds(old.Operator, d, 0m, old.Tolerance ?? 0m);
                var after = c.swapped ? RuleCompiler.Holds(@new.Operator, 0m, d, @new.Tolerance ?? 0m) : RuleCompiler.Holds(@new.Operator, d, 0m, @new.Tolerance ?? 0m);
                if (strictness is RuleStrictness.Stricter or RuleStrictness.Equivalent && after && !before)
                {
                    return false;
                }

                if (strictness is RuleStrictness.Looser or RuleStrictness.Equivalent && before && !after)
                {
                    return false;
                }
            }

            return true;
        }, iter: 200);
    }

    [Theory]
    [InlineData("x >= y", "x = y", RuleStrictness.Stricter)]
    [InlineData("x = y", "x >= y", RuleStrictness.Looser)]
    [InlineData("x >= y", "y <= x", RuleStrictness.Equivalent)]
    [InlineData("x >= y", "x <= y", RuleStrictness.Incomparable)]
    [InlineData("x > y", "x >= y", RuleStrictness.Looser)]
    public void Classifies_the_obvious_cases(string before, string after, RuleStrictness expected)
    {
        var (old, @new) = Rules($"rule R1 error \"子与丑。\" tolerance 0.01 for each column: {before}", $"rule R1 error \"子与丑。\" tolerance 0.01 for each column: {after}");
        RuleComparer.Classify(old, @new, new Dictionary<string, string>(StringComparer.Ordinal)).ShouldBe(expected);
    }

    [Fact]
    public void A_condition_added_is_looser_and_dropped_is_stricter()
    {
        var (plain, guarded) = Rules("rule R1 error \"子与丑。\" tolerance 0.01 for each column: x >= y", "rule R1 error \"子与丑。\" tolerance 0.01 for each column when y > 0: x >= y");
        RuleComparer.Classify(plain, guarded, new Dictionary<string, string>(StringComparer.Ordinal)).ShouldBe(RuleStrictness.Looser);
        var (guardedOld, plainNew) = Rules("rule R1 error \"子与丑。\" tolerance 0.01 for each column when y > 0: x >= y", "rule R1 error \"子与丑。\" tolerance 0.01 for each column: x >= y");
        RuleComparer.Classify(guardedOld, plainNew, new Dictionary<string, string>(StringComparer.Ordinal)).ShouldBe(RuleStrictness.Stricter);
    }
}
