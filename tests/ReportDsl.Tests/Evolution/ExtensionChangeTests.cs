using ReportDsl.Diagnostics;
using ReportDsl.Formatting;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Evolution;

/// <summary>
/// A format that extends another and changes rows, columns and rules one at a time (<c>add</c>, <c>replace</c>,
/// <c>remove</c>) binds to the same model as the same format with the changed table written out in full.
/// </summary>
public sealed class ExtensionChangeTests
{
    private static readonly string Spec2019 = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2019.rdsl"));

    private const string Header2019 = """
        format gov_info_disclosure version "2019-local" extends gov_info_disclosure 2019 {
          years 2019..
        }

        """;

    [Fact]
    public void Row_level_changes_of_the_2019_format_bind_like_the_table_written_out()
    {
        var changes = Header2019 + """
            add row applications.results.not_processed after repeated {
              duplicate_channel "3.通过其他渠道重复申请"
            }

            add column applications before natural {
              anonymous "匿名申请人"
            }

            replace row applications.results.other {
              other "（六）其他处理情形" alias "（六）其他处理"
            }

            replace column applications.total {
              all "总计" renamed from total
            }

            remove row applications.results.withheld.inquiry

            replace rule GK002 {
              rule GK002 warning "“总计”应等于匿名、自然人与各类法人或其他组织之和。" for each row: all = anonymous + natural + sum(legal)
            }

            remove rule ZT001

            add rule applications {
              rule LC001 warning "结转下年度继续办理的不多于本年新收的。" for each column: carried_out <= received
            }
            """;

        // The same, with the section that holds the table declared again and the table written out.
        var start = Spec2019.IndexOf("section requests", StringComparison.Ordinal);
        var end = Spec2019.IndexOf("section reviews", StringComparison.Ordinal);
        var table = Edit(
            Spec2019[start..end],
            ("          repeated \"2.重复申请\"\n", "          repeated \"2.重复申请\"\n          duplicate_channel \"3.通过其他渠道重复申请\"\n"),
            ("      natural \"自然人\"\n", "      anonymous \"匿名申请人\"\n      natural \"自然人\"\n"),
            ("        other \"（六）其他处理\"\n", "        other \"（六）其他处理情形\" alias \"（六）其他处理\"\n"),
            ("      total \"总计\"\n    }\n    rows", "      all \"总计\" renamed from total\n    }\n    rows"),
            ("          inquiry \"8.属于行政查询事项\"\n", string.Empty),
            ("rule GK002 error \"“总计”应等于自然人与各类法人或其他组织之和。\" for each row: total = natural + sum(legal)",
                "rule GK002 warning \"“总计”应等于匿名、自然人与各类法人或其他组织之和。\" for each row: all = anonymous + natural + sum(legal)"),
            ("    rule ZT001 warning \"总体情况所述收到的政府信息公开申请数应等于本表“一、本年新收政府信息公开申请数量”的“总计”。\":\n      overview.received = received[total]\n", string.Empty),
            ("overview.handled = results.total[total]\n", "overview.handled = results.total[all]\n    rule LC001 warning \"结转下年度继续办理的不多于本年新收的。\" for each column: carried_out <= received\n"));

        // ZT002 names the renamed column: the variant replaces it too.
        changes += """

            replace rule ZT002 {
              rule ZT002 warning "总体情况所述办理的政府信息公开申请数应等于本表“（七）总计”的“总计”。": overview.handled = results.total[all]
            }
            """;

        Model(changes, [Spec2019]).ShouldBe(Model(Header2019 + table, [Spec2019]));
    }

    [Fact]
    public void The_changes_sample_binds_like_its_table_written_out()
    {
        var folder = Path.Combine(RepoPaths.Samples, "900-valid", "008-extends-changes");
        var base1 = File.ReadAllText(Path.Combine(folder, "input.v1.rdsl"));
        var full = """
            format demo version "1-local" extends demo 1 {
              years 2021..
            }

            section s "一、示例" {
              table t "示例表" {
                cells count
                columns {
                  a "甲（新）" alias "甲"
                  b2 "乙" renamed from b : integer
                }
                rows {
                  x "子"
                  x2 "子二"
                  x3 "子三" : integer
                  w "亥"
                  y "丑"
                  group g "寅" {
                    g1 "寅一"
                    g2 "寅二"
                    g3 "寅三"
                  }
                }

                rule R1 warning "子应等于丑与亥之和。" for each column: x = y + w
                rule R2 error "寅三不大于寅一。" for each column: g.g3 <= g.g1
              }
            }
            """;
        Model(File.ReadAllText(Path.Combine(folder, "input.rdsl")), [base1]).ShouldBe(Model(full, [base1]));
    }

    [Fact]
    public void An_inherited_absent_line_goes_with_the_item_a_replacement_drops_or_renames()
    {
        const string Base = """
            format demo version 1 {
              title "示例格式"
              source "示例文件"
              years 2019..2020
            }

            section s "一、示例" {
              table t "示例表" {
                cells count
                columns {
                  a "甲"
                  b "乙"
                }
                rows {
                  x "子"
                  group g "寅" {
                    g1 "寅一"
                    g2 "寅二"
                  }
                }
                absent x[b]
                absent g.g2[b]
              }
            }
            """;
        const string Variant = """
            format demo version "1-local" extends demo 1 {
            }

            replace row t.x {
              x2 "子" renamed from x
            }

            replace row t.g {
              group g "寅" {
                g1 "寅一"
              }
            }
            """;
        const string Full = """
            format demo version "1-local" extends demo 1 {
            }

            section s "一、示例" {
              table t "示例表" {
                cells count
                columns {
                  a "甲"
                  b "乙"
                }
                rows {
                  x2 "子" renamed from x
                  group g "寅" {
                    g1 "寅一"
                  }
                }
              }
            }
            """;
        Model(Variant, [Base]).ShouldBe(Model(Full, [Base]));
    }

    [Fact]
    public void Changes_round_trip_through_the_formatter()
    {
        var text = "format f version 2 extends f 1 {\n}\n\nadd row t.g   before x {\n  y \"乙\"   : count\n}\nreplace rule R1 {rule R1 error \"m\": a = b\n}\nadd column t { }\n";
        var formatted = Formatter.Format(SyntaxTree.Parse(SourceText.From(text))).ShouldNotBeNull();
        formatted.ShouldBe("format f version 2 extends f 1 {\n}\n\nadd row t.g before x {\n  y \"乙\" : count\n}\n\nreplace rule R1 {\n  rule R1 error \"m\": a = b\n}\n\nadd column t {\n}\n");
        Formatter.Format(SyntaxTree.Parse(SourceText.From(formatted))).ShouldBe(formatted);
    }

    private static string Model(string spec, string[] references)
    {
        var compilation = Compilation.Create(
            [SyntaxTree.Parse(SourceText.From(spec, "variant.rdsl"))],
            [.. references.Select((r, i) => SyntaxTree.Parse(SourceText.From(r, $"base{i}.rdsl")))]);
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        return compilation.GetSemanticModel().Dump();
    }

    private static string Edit(string text, params (string Old, string New)[] edits)
    {
        foreach (var (old, @new) in edits)
        {
            text.ShouldContain(old);
            text = text.Replace(old, @new, StringComparison.Ordinal);
        }

        return text;
    }
}
