using CsCheck;
using ReportDsl.Evolution;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Text;

namespace ReportDsl.Tests.Evolution;

/// <summary>
/// Rule strictness decided by the simplex where both rules are linear: cases the instance-by-instance comparison cannot
/// prove, and a property test that a rule called stricter (looser) never accepts (refuses) a report the old one refused
/// (accepted), checked on every report with small counts.
/// </summary>
public sealed class LinearRuleImplicationTests
{
    private static readonly string[] Cells = ["x", "y", "z"];
    private static readonly string[] Operators = ["=", "<=", ">=", "<", ">"];

    private static (RuleSymbol Old, RuleSymbol New) Rules(string oldComparison, string newComparison)
    {
        static string Spec(int version, string comparison) =>
            $$"""
            format demo version {{version}}{{(version == 2 ? " revises demo 1" : string.Empty)}} {
              title "示例"
              source "示例"
              years {{version}}..
            }

            section s "一、示例" {
              table t "示例表" {
                cells count
                columns {
                  a "甲"
                }
                rows {
                  x "子"
                  y "丑"
                  z "寅"
                }

                rule R1 error "规则。" for each column: {{comparison}}
              }
            }
            """;
        var compilation = Compilation.Create([SyntaxTree.Parse(SourceText.From(Spec(1, oldComparison), "old.rdsl")), SyntaxTree.Parse(SourceText.From(Spec(2, newComparison), "new.rdsl"))]);
        compilation.HasErrors.ShouldBeFalse(string.Join("\n", compilation.GetDiagnostics()));
        return (compilation.Formats.Single(f => f.Version == "1").Rules.Single(), compilation.Formats.Single(f => f.Version == "2").Rules.Single());
    }

    private static RuleStrictness Classify(string before, string after)
    {
        var (old, @new) = Rules(before, after);
        return RuleComparer.Classify(old, @new, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("x >= y + z", "x >= y", RuleStrictness.Looser)] // z is a count: never negative
    [InlineData("x >= y", "x >= y + z", RuleStrictness.Stricter)]
    [InlineData("x = y + z", "x >= z", RuleStrictness.Looser)]
    [InlineData("x > y", "x >= y + 1", RuleStrictness.Equivalent)] // counts are whole numbers
    [InlineData("x + y = z", "z >= x", RuleStrictness.Looser)]
    [InlineData("x <= y", "x <= y + z", RuleStrictness.Looser)]
    [InlineData("x >= y", "x >= z", RuleStrictness.Incomparable)]
    public void The_simplex_proves_what_comparing_instance_by_instance_cannot(string before, string after, RuleStrictness expected) =>
        Classify(before, after).ShouldBe(expected);

    [Fact]
    public void Stricter_and_looser_agree_with_every_report_of_small_counts()
    {
        var side = Gen.Select(Gen.Int[0, 1].Array[3], Gen.Int[0, 1]).Select((coefficients, constant) => new Side(coefficients, constant));
        var comparison = Gen.Select(side, Gen.Int[0, Operators.Length - 1], side).Select((l, op, r) => (Left: l, Op: Operators[op], Right: r));
        Gen.Select(comparison, comparison).Sample((before, after) =>
        {
            var strictness = Classify(Text(before), Text(after));
            foreach (var values in Points())
            {
                var accepted = Holds(before, values);
                var acceptedNow = Holds(after, values);
                if (strictness is RuleStrictness.Stricter or RuleStrictness.Equivalent && acceptedNow && !accepted)
                {
                    return false;
                }

                if (strictness is RuleStrictness.Looser or RuleStrictness.Equivalent && accepted && !acceptedNow)
                {
                    return false;
                }
            }

            return true;
        }, iter: 150);
    }

    private sealed record Side(int[] Coefficients, int Constant)
    {
        public long Value(int[] values) => Coefficients.Select((c, i) => (long)c * values[i]).Sum() + Constant;

        public override string ToString()
        {
            var terms = Coefficients.Select((c, i) => c switch { 0 => null, 1 => Cells[i], _ => $"{c} * {Cells[i]}" }).OfType<string>().ToList();
            if (Constant != 0 || terms.Count == 0)
            {
                terms.Add(Constant.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return string.Join(" + ", terms);
        }
    }

    private static string Text((Side Left, string Op, Side Right) c) => $"{c.Left} {c.Op} {c.Right}";

    private static bool Holds((Side Left, string Op, Side Right) c, int[] values)
    {
        var (l, r) = (c.Left.Value(values), c.Right.Value(values));
        return c.Op switch
        {
            "=" => l == r,
            "<=" => l <= r,
            ">=" => l >= r,
            "<" => l < r,
            _ => l > r,
        };
    }

    private static IEnumerable<int[]> Points()
    {
        for (var x = 0; x <= 4; x++)
        {
            for (var y = 0; y <= 4; y++)
            {
                for (var z = 0; z <= 4; z++)
                {
                    yield return [x, y, z];
                }
            }
        }
    }
}
