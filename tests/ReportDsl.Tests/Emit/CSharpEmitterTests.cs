using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ReportDsl.Emit;
using ReportDsl.Semantics;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace ReportDsl.Tests.Emit;

/// <summary>
/// The emitted C# validator: it compiles cleanly, and on thousands of generated reports it gives exactly the rule findings
/// of the in-process <see cref="Validator"/> (codes, rules, severities, cells, side values, messages).
/// </summary>
public sealed class CSharpEmitterTests
{
    private const string Namespace = "Emitted.Validators";

    /// <summary>
    /// What the bundled formats do not exercise: integer cells (negative values), amounts with tolerances on every
    /// operator, fractional and negative constants, coefficients other than 1, a tolerance on whole numbers, amount(),
    /// cross-table references, previous cells on both sides, text cells, and facts stated in the text (a count and an
    /// amount) compared with cells.
    /// </summary>
    private const string CoverageSpec = """
        format coverage version 1 {
          title "覆盖测试"
          source "测试文件"
          years 2021..
        }

        section data "一、数据" {
          table counts "计数" {
            cells count
            columns {
              a "甲"
              b "乙"
              total "合计"
            }
            rows {
              group items "项目" {
                x "一"
                y "二"
              }
              change "增减" : integer
              note "说明" : text
            }

            rule C001 error "合计等于甲乙之和。" for each row in items: total = a + b
            rule C002 warning "增减等于本年减上年。" : change[total] = items.x[total] - previous items.x[total]
            rule C003 error "两倍。" : items.x[total] <= items.x[a] + items.x[a] + items.x[b] + items.x[b]
            rule C004 error "常数。" : items.y[a] + 3 > items.y[b] - 5
            rule C005 warning "不等。" : items.x[a] != items.y[a]
            rule C006 error "小于。" for each column: change < 40
            rule C007 error "负号开头。" : -items.x[a] + items.x[b] >= -10
            rule C008 error "小数常数。" : amount(items.x[a]) + 0.5 >= amount(items.x[b])
            rule C009 error "上年在两边。" : change[a] - previous change[a] <= 60 - previous items.y[b]
            rule C010 warning "概述所述项目数等于合计。" : summary.stated = items.x[total] + items.y[total]
          }

          table money "金额" {
            columns {
              amt "金额（单位：万元）" : amount unit "万元" precision 2
            }
            rows {
              p "甲"
              q "乙"
              total "合计"
            }

            rule M001 error "合计等于甲乙之和。" tolerance 0.05 : total = p + q
            rule M002 warning "甲乙不等。" tolerance 0.5 : p != q
            rule M003 error "上限。" tolerance 1 : p <= q + 10.5
            rule M004 error "下限。" tolerance 0.25 : total >= amount(counts.items.x[total])
            rule M005 error "严格小于。" tolerance 0.1 : p < total
            rule M006 error "严格大于。" : total > q - 0.5
            rule M007 warning "等于上年。" tolerance 0.01 : total = previous total
            rule M008 error "不等无容差。" : amount(counts.items.x[a]) != 7
            rule M009 warning "整数容差。" tolerance 2 : counts.items.y[a] = counts.items.y[b]
            rule M010 error "概述所述金额等于合计。" tolerance 0.01 : summary.money = total
          }
        }

        section summary "二、概述" prose {
          fact stated "概述所述项目数" required : count pattern "共{n}项"
          fact money "概述所述金额" : amount unit "万元" precision 2 pattern "金额{n}万元"
        }
        """;

    /// <summary>
    /// The rules beyond sums: products, quotients (divisors that are 0), a minus inside a term, abs, round, min, max,
    /// conditions with and, or, not (a division inside a condition), item lists, a group scope, placeholders, previous
    /// cells in a condition.
    /// </summary>
    internal const string ArithmeticSpec = """
        format arithmetic version 1 {
          title "算术覆盖测试"
          source "测试文件"
          years 2021..
        }

        section data "一、数据" {
          table money "金额" {
            columns {
              budget "预算数" : amount unit "万元" precision 2
              actual "决算数" : amount unit "万元" precision 2
              ratio "比例" : amount unit "%" precision 2
            }
            rows {
              p "甲"
              q "乙"
            }

            rule A001 error "{row}比例（{left} 与 {right}）。" for each row: ratio = actual / budget * 100
            rule A002 warning "条件。" for each row when budget > 0 and not (actual < 1 or ratio / budget > 3): round(actual - budget, 1) <= max(budget, 10) - -2
            rule A003 error "绝对值。" tolerance 0.5 for each column in (budget, actual): abs(p - q) <= min(p, q, 40) * 2
          }

          table counts "计数" {
            cells count
            columns {
              group first "一审" {
                upheld "维持"
                corrected "纠正"
                total "总计"
              }
              group second "二审" {
                upheld "维持"
                corrected "纠正"
                total "总计"
              }
            }
            rows {
              cases "案件数" unlabeled
            }

            rule B001 error "{group}总计。" for each group in (first, second): total = upheld + corrected
            rule B002 warning "{group}上年。" for each group in (first, second) when previous total > 0 or upheld = 0: corrected * 3 <= total * (upheld + 1)
            rule B003 warning "{group}除以差。" for each group in (first, second): total / (upheld - corrected) >= amount(total)
          }
        }
        """;

    /// <summary>
    /// The cell constructs of issue 10: a percent column, an optional row, a column with a default, a group with values
    /// over its parts (exhaustive and nonexhaustive, whose rules are implied), a subtotal, and cells of the types without
    /// arithmetic (date, boolean, enum) beside them.
    /// </summary>
    internal const string CellsSpec = """
        format cells version 1 {
          title "单元格测试"
          source "测试文件"
          years 2021..
        }

        section info "一、情况" {
          table basic "基本情况" {
            cells text
            columns {
              value "内容"
            }
            rows {
              day "日期" : date
              online "是否公开" : boolean default false
              level "层级" : enum("省级", "市级")
              remark "备注" optional
            }
          }

          table spending "经费" {
            cells amount unit "万元" precision 2
            columns {
              budget "预算数" : amount unit "万元" precision 2 default 0
              actual "决算数"
              ratio "比例" : percent precision 1
            }
            rows {
              total "合计"
              group vehicles "公务用车" exhaustive {
                purchase "购置费"
                running "运行费"
              }
              group meetings "会议费" nonexhaustive {
                training "其中：培训费"
              }
              other "其他" optional
            }

            rule S001 error "合计。" tolerance 0.01 for each column in budget: total = sum(vehicles) + meetings + other
            rule S002 warning "比例不超过上年两倍。" tolerance 0.1: total[ratio] <= previous total[ratio] + previous total[ratio]
            rule S004 warning "市级且公开的，决算不超过预算。" tolerance 0.01 when basic.level[value] = "市级" and basic.online[value] = true: total[actual] <= total[budget]
            rule S005 error "五月以后或省级的，比例不超过100。" tolerance 0.1 when basic.day[value] >= "2021-05-01" or not basic.level[value] != "省级": total[ratio] <= 100
            rule S006 warning "层级有变化的，决算不超过预算。" tolerance 0.01 when previous basic.level[value] != basic.level[value] or "否" = basic.online[value]: total[actual] <= total[budget]
            rule S007 warning "有备注的，比例不超过50。" tolerance 0.1 when basic.remark[value] != "无" and basic.day[value] < "2021/07/01": total[ratio] <= 50
          }

          table staff "人员" {
            cells count
            columns {
              number "人数"
            }
            rows {
              group people "在编" {
                admin "行政"
                service "事业"
                subtotal "小计" subtotal
              }
            }

            rule S003 error "事业不少于行政。" for each column: sum(people) >= people.admin + people.admin
          }
        }
        """;

    /// <summary>
    /// Existence rules (present): a prose section's text, a table, a section's tables, a text cell, a cell at the
    /// quantified row, a fact, an optional cell and a cell with a default as targets, with conditions (one dividing, one
    /// over last year), beside ordinary sums that can overflow.
    /// </summary>
    internal const string PresenceSpec = """
        format presence version 1 {
          title "存在性规则测试"
          source "测试文件"
          years 2021..
        }

        section overview "一、总体情况" prose {
          fact stated "所述案件数" : count pattern "共{n}起"
        }

        section review_text "二、复议说明" optional prose

        section data "三、数据" {
          table review "复议" {
            cells count
            columns {
              upheld "维持"
              corrected "纠正"
              total "总计"
            }
            rows {
              direct "直接"
              after "复议后"
            }

            rule P001 error "总计。" for each row: total = upheld + corrected
            rule P002 error "{row}有案件时应有说明。" for each row when total > 0: present notes.reason[value]
            rule P003 warning "有案件时应有复议说明。" when direct[total] + after[total] > 0: present review_text
            rule P004 error "应有总体情况。": present overview
            rule P005 warning "纠正比例高时应有附表。" when direct[corrected] / direct[total] > 0.5 or previous direct[total] > 30: present more
            rule P006 warning "有纠正时应有所述案件数。" when after[corrected] > 0: present overview.stated
            rule P007 error "应有附表。": present extra
          }

          table notes "说明" optional {
            cells text
            columns {
              value "内容"
            }
            rows {
              reason "原因"
              remark "备注" optional
              flag "是否公开" : boolean default false
            }

            rule P008 warning "有原因时应有备注。" when review.direct[upheld] > 1: present remark
            rule P009 warning "应写明是否公开。" when review.after[upheld] > 2: present flag
          }
        }

        section extra "四、附表" optional {
          table more "附表" {
            cells amount unit "万元" precision 2
            columns {
              amt "金额"
            }
            rows {
              p "甲"
            }

            rule P010 error "甲不超过四十。" tolerance 0.01: p <= 40
          }
        }
        """;

    /// <summary>The made-up format that uses every construct of the language.</summary>
    private static string EveryConstructPath => Path.Combine(RepoPaths.Samples, "900-valid", "008-every-construct", "input.rdsl");

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => MetadataReference.CreateFromFile(path))]);

    private static FormatSymbol Load(string name) => name == "coverage"
        ? Compile(CoverageSpec, "coverage.rdsl")
        : name == "arithmetic" ? Compile(ArithmeticSpec, "arithmetic.rdsl")
        : name == "cells" ? Compile(CellsSpec, "cells.rdsl")
        : name == "presence" ? Compile(PresenceSpec, "presence.rdsl")
        : name == "every-construct" ? Compile(File.ReadAllText(EveryConstructPath), EveryConstructPath)
        : Compile(File.ReadAllText(Path.Combine(RepoPaths.Templates, name + ".rdsl")), Path.Combine(RepoPaths.Templates, name + ".rdsl"));

    private static FormatSymbol Compile(string text, string path)
    {
        var compilation = Compilation.Create(SourceText.From(text, path));
        compilation.HasErrors.ShouldBeFalse(string.Join('\n', compilation.GetDiagnostics()));
        return compilation.Formats.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    [InlineData("coverage")]
    [InlineData("arithmetic")]
    [InlineData("cells")]
    [InlineData("presence")]
    [InlineData("every-construct")]
    public void The_emitted_code_compiles_without_warnings_and_has_a_typed_property_per_cell(string name)
    {
        var format = Load(name);
        var (diagnostics, image) = CompileEmitted(CSharpEmitter.Emit(format, Namespace));
        diagnostics.Where(d => d.Severity >= RoslynSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();

        var context = new AssemblyLoadContext("emitted-" + name, isCollectible: true);
        try
        {
            var report = context.LoadFromStream(new MemoryStream(image)).GetType(Namespace + ".Report", throwOnError: true)!;
            var names = CSharpEmitter.PropertyNames(format);
            var cells = format.Tables.SelectMany(t => t.Cells).Concat(format.Facts.Select(f => f.Cell)).ToList();
            // Besides the cells, the sections' text when an existence rule reads it.
            var texts = format.Rules.Any(r => r.Left is BoundPresence { Text: not null });
            report.GetProperties().Length.ShouldBe(cells.Count + (texts ? 1 : 0));
            (report.GetProperty("SectionTexts") is not null).ShouldBe(texts);
            foreach (var cell in cells)
            {
                var property = report.GetProperty(names[cell.Id]).ShouldNotBeNull(cell.Id);
                property.PropertyType.ShouldBe(cell.Type.Kind switch
                {
                    CellTypeKind.Count or CellTypeKind.Integer => typeof(long?),
                    CellTypeKind.Amount or CellTypeKind.Percent => typeof(decimal?),
                    _ => typeof(string),
                });
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    [InlineData("coverage")]
    [InlineData("arithmetic")]
    [InlineData("cells")]
    [InlineData("presence")]
    [InlineData("every-construct")]
    public void The_emitted_validator_agrees_with_the_in_process_validator(string name)
    {
        var format = Load(name);
        var validator = Validator.Create(format);
        var (diagnostics, image) = CompileEmitted(CSharpEmitter.Emit(format, Namespace));
        diagnostics.Where(d => d.Severity == RoslynSeverity.Error).ShouldBeEmpty();
        var context = new AssemblyLoadContext("emitted-" + name, isCollectible: true);
        try
        {
            var emitted = new EmittedValidator(context.LoadFromStream(new MemoryStream(image)), validator.Layout);
            var statuses = new Dictionary<RuleStatus, int>();
            var codes = new HashSet<string>(StringComparer.Ordinal);
            var previousMissing = 0;

            Gen.Int.Select(seed => MakeCase(new Random(seed), validator)).Sample(
                c =>
                {
                    var data = Read(validator, c.Current, "current.json", c.Texts);
                    var previousData = c.Previous is null ? null : Read(validator, c.Previous, "previous.json", null);

                    var expected = validator.Validate(data, previousData)
                        .Where(f => f.Rule is not null || f.Code is "RD3102" or "RD3108" or "RD3160")
                        .Select(FindingRow.From)
                        .ToList();
                    var actual = emitted.Validate(emitted.Create(c.Current, c.Texts), c.Previous is null ? null : emitted.Create(c.Previous, null));
                    actual.ShouldBe(expected);

                    for (var i = 0; i < validator.Instances.Length; i++)
                    {
                        var status = validator.Check(i, data.Values, previousData?.Values).Status;
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    }

                    codes.UnionWith(expected.Select(f => f.Code));
                    previousMissing += expected.Count(f => f.Code == "RD3102" && f.Cells.StartsWith("previous ", StringComparison.Ordinal));
                },
                iter: 2000,
                threads: 1,
                print: c => Print(validator, c));

            // The comparison means something only if every outcome was met many times.
            foreach (var status in new[] { RuleStatus.Holds, RuleStatus.Broken, RuleStatus.Missing, RuleStatus.Overflow, RuleStatus.NotApplicable })
            {
                statuses.GetValueOrDefault(status).ShouldBeGreaterThan(20, status.ToString());
            }

            statuses.GetValueOrDefault(RuleStatus.Invalid).ShouldBe(0, "the generated values are all valid, as the typed Report requires");
            format.Rules.Select(r => r.Code).Append("RD3102").Append("RD3108").Append(name is "arithmetic" or "presence" ? "RD3160" : "RD3102").Where(code => !codes.Contains(code)).ShouldBeEmpty("every rule should be broken at least once");
            previousMissing.ShouldBeGreaterThan(0);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Emitting_is_deterministic()
    {
        foreach (var version in new[] { "2019", "2021" })
        {
            var first = CSharpEmitter.Emit(Load(version), Namespace);
            var second = CSharpEmitter.Emit(Load(version), Namespace);
            second.ShouldBe(first);
            first.ShouldStartWith("// <auto-generated>\n");
            first.ShouldContain($"from format gov_info_disclosure version {version}.");
            first.ShouldContain($"namespace {Namespace};");
            first.ShouldNotContain("\r");
            first.ShouldNotContain(RepoPaths.Root);
            first.ShouldEndWith("}\n");
        }
    }

    [Fact]
    public void Names_that_would_clash_get_suffixes_and_messages_survive_escaping()
    {
        var format = Compile(
            """
            format clash version 1 {
              title "t"
              source "s"
              years 2021..
            }

            section s "一" {
              table t "表 <&>" {
                cells count
                columns {
                  数量 "数量"
                  total "合计"
                }
                rows {
                  a_b "甲"
                  group a "乙" {
                    b "丙"
                  }
                }

                rule R1 error "含\"引号\"与\\反斜杠。" for each row: total = 数量
              }
            }
            """,
            "clash.rdsl");
        var names = CSharpEmitter.PropertyNames(format);
        names["t.a_b[数量]"].ShouldBe("T_AB_数量");
        names["t.a.b[数量]"].ShouldBe("T_AB_数量_2");
        names.Values.Distinct().Count().ShouldBe(names.Count);

        var (diagnostics, image) = CompileEmitted(CSharpEmitter.Emit(format, "Clash"));
        diagnostics.Where(d => d.Severity >= RoslynSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        var context = new AssemblyLoadContext("emitted-clash", isCollectible: true);
        try
        {
            var validator = Validator.Create(format);
            var emitted = new EmittedValidator(context.LoadFromStream(new MemoryStream(image)), validator.Layout, "Clash");
            var findings = emitted.Validate(emitted.Create([1L, 2L, 3L, 3L]), null);
            var finding = findings.ShouldHaveSingleItem();
            finding.Message.ShouldBe(format.Rules.Single().Message);
            finding.Message.ShouldContain("\"引号\"");
            finding.Cells.ShouldBe("t.a_b[total] | t.a_b[数量]");
            (finding.Left, finding.Right).ShouldBe((2m, 1m));
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Reports")]
    [InlineData("My..Reports")]
    [InlineData("My.class")]
    [InlineData("My-Reports")]
    public void An_invalid_namespace_is_rejected(string @namespace)
    {
        CSharpEmitter.IsValidNamespace(@namespace).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => CSharpEmitter.Emit(Load("2021"), @namespace));
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, byte[] Image) CompileEmitted(string source)
    {
        // Documentation comments are checked too, so that the emitted code builds in projects that require them.
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose), "Emitted.cs", Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            "Emitted",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, warningLevel: 9999));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        result.Success.ShouldBeTrue(string.Join('\n', result.Diagnostics));
        return (result.Diagnostics, stream.ToArray());
    }

    /// <summary>
    /// A report and perhaps last year's: values by cell index (long, decimal, string or null), and whether each section
    /// has text (by section index; null when the report states no text at all).
    /// </summary>
    private sealed record ReportCase(object?[] Current, object?[]? Previous, bool[]? Texts = null);

    private static ReportCase MakeCase(Random random, Validator validator)
    {
        double[] nullRates = [0, 0, 0.01, 0.1];

        // Values near the largest long or decimal make sums overflow; about two of them in a report that has any.
        var hugeRate = 2.0 / validator.Layout.Cells.Length;
        var current = Values(random, validator.Layout, nullRates[random.Next(nullRates.Length)], random.Next(5) == 0 ? hugeRate : 0);
        var previous = random.Next(2) == 0 ? Values(random, validator.Layout, random.Next(3) == 0 ? 0.05 : 0, random.Next(10) == 0 ? hugeRate : 0) : null;
        if (random.Next(2) == 0)
        {
            MakeConsistent(validator, current, previous);
        }

        // Now and then a table left empty: of the optional ones only, because a required table left empty is one
        // finding in process (its rules folded in) and the emitted validator, given typed values, does not see tables.
        var optionalTables = validator.Format.Tables.Where(t => t.Cells.All(c => c.Presence == Presence.Optional)).ToList();
        if (optionalTables.Count > 0 && random.Next(8) == 0)
        {
            foreach (var cell in optionalTables[random.Next(optionalTables.Count)].Cells)
            {
                current[validator.Layout.IndexOf(cell)] = null;
            }
        }

        var sections = validator.Format.Sections.Length;
        var texts = random.Next(3) == 0 ? null : Enumerable.Range(0, sections).Select(_ => random.Next(3) != 0).ToArray();
        return new ReportCase(current, previous, texts);
    }

    private static object?[] Values(Random random, CellLayout layout, double nullRate, double hugeRate)
    {
        var values = new object?[layout.Cells.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (random.NextDouble() < nullRate)
            {
                continue;
            }

            var type = layout.Cells[i].Type;
            // A value out of the type's range or pattern would be a finding of the reader, not of the rules.
            var huge = random.NextDouble() < hugeRate && type.Minimum is null && type.Maximum is null;
            values[i] = type.Kind switch
            {
                CellTypeKind.Count => huge ? long.MaxValue - random.Next(100) : random.Next(0, 51),
                CellTypeKind.Integer => huge ? (random.Next(2) == 0 ? long.MaxValue - random.Next(100) : long.MinValue + random.Next(100)) : random.Next(-50, 51),
                CellTypeKind.Amount or CellTypeKind.Percent => huge ? decimal.MaxValue - random.Next(100) : new decimal(random.Next(0, 5001), 0, 0, false, (byte)Math.Min(type.Precision, 2)),
                CellTypeKind.Date => "2021-0" + random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + "-15",
                CellTypeKind.Boolean => random.Next(2) == 0 ? "true" : "false",
                CellTypeKind.Enum => type.Words[random.Next(type.Words.Length)],
                _ when type.Pattern is { } pattern => new[] { "说明" + random.Next(100).ToString(CultureInfo.InvariantCulture), random.Next(100000, 1000000).ToString(CultureInfo.InvariantCulture) }
                    .FirstOrDefault(text => System.Text.RegularExpressions.Regex.IsMatch(text, pattern)),
                _ => (object)("说明" + random.Next(100).ToString(CultureInfo.InvariantCulture)),
            };
            if (values[i] is long whole && ((type.Minimum is { } low && whole < low) || (type.Maximum is { } high && whole > high)))
            {
                values[i] = (long)Math.Clamp(whole, type.Minimum ?? long.MinValue, type.Maximum ?? long.MaxValue);
            }
            else if (values[i] is decimal amount && ((type.Minimum is { } low2 && amount < low2) || (type.Maximum is { } high2 && amount > high2)))
            {
                values[i] = Math.Clamp(amount, type.Minimum ?? decimal.MinValue, type.Maximum ?? decimal.MaxValue);
            }
        }

        return values;
    }

    /// <summary>
    /// Makes the =, &lt;= and &gt;= rules hold where it can, by solving each for one of its cells (a few passes, because
    /// rules share cells). Strict comparisons and != are left to chance, so reports stay a mix.
    /// </summary>
    private static void MakeConsistent(Validator validator, object?[] current, object?[]? previous)
    {
        var layout = validator.Layout;
        for (var pass = 0; pass < 6; pass++)
        {
            foreach (var instance in validator.Instances)
            {
                if (instance.Rule.Operator is not (ComparisonOperator.Equal or ComparisonOperator.LessThanOrEqual or ComparisonOperator.GreaterThanOrEqual))
                {
                    continue;
                }

                var terms = instance.Left.Terms.Select(t => (Term: t, Sign: 1)).Concat(instance.Right.Terms.Select(t => (Term: t, Sign: -1))).ToList();
                if (previous is null && terms.Any(t => t.Term.IsPrevious))
                {
                    continue;
                }

                decimal? ValueOf(LinearTerm term) => (term.IsPrevious ? previous! : current)[layout.IndexOf(term.Cell)] switch
                {
                    long whole => whole,
                    decimal amount => amount,
                    _ => null,
                };

                if (terms.Any(t => ValueOf(t.Term) is null))
                {
                    continue;
                }

                try
                {
                    var difference = instance.Left.Constant - instance.Right.Constant + terms.Sum(t => t.Sign * t.Term.Coefficient * ValueOf(t.Term)!.Value);
                    foreach (var (term, sign) in terms.Where(t => !t.Term.IsPrevious && Math.Abs(t.Term.Coefficient) == 1))
                    {
                        if (difference == 0 || terms.Count(o => !o.Term.IsPrevious && o.Term.Cell == term.Cell) != 1)
                        {
                            continue;
                        }

                        var target = ValueOf(term)!.Value - (difference / (sign * term.Coefficient));
                        if (Fits(term.Cell.Type, target))
                        {
                            current[layout.IndexOf(term.Cell)] = term.Cell.Type.IsWholeNumber ? (object)(long)target : target;
                            difference = 0;
                        }
                    }
                }
                catch (OverflowException)
                {
                    // Huge values are there to overflow; such a rule is left as it is.
                }
            }
        }
    }

    private static bool Fits(CellType type, decimal value) =>
        (type.Minimum is not { } low || value >= low) && (type.Maximum is not { } high || value <= high) && type.Kind switch
        {
            CellTypeKind.Count => value >= 0 && value < 1_000_000_000 && value == decimal.Truncate(value),
            CellTypeKind.Integer => Math.Abs(value) < 1_000_000_000 && value == decimal.Truncate(value),
            CellTypeKind.Amount or CellTypeKind.Percent => Math.Abs(value) < 1_000_000_000 && (value / 1.0000000000000000000000000000m).Scale <= type.Precision,
            _ => false,
        };

    /// <summary>
    /// Reads values through the documented JSON shape, as a real report would arrive. The facts are what the text
    /// states: they are set as the fact reader would (null: the text does not state it), since random values have no text.
    /// </summary>
    private static ReportData Read(Validator validator, object?[] values, string path, bool[]? texts)
    {
        var result = ReportDataReader.Read(Json(validator, values), path, (format, version) => format == validator.Format.Name && version == validator.Format.Version ? validator.Layout : null, "test");
        result.Errors.ShouldBeEmpty();
        var data = result.Data.ShouldNotBeNull();
        data.ReadFindings.Where(f => f.Code is not ("RD3101" or "RD3170" or "RD3171" or "RD3172")).ShouldBeEmpty();
        for (var fact = validator.Layout.FirstFact; fact < values.Length; fact++)
        {
            switch (values[fact])
            {
                case long whole:
                    data.Values.SetWhole(fact, whole);
                    break;
                case decimal amount:
                    data.Values.SetAmount(fact, amount);
                    break;
                default:
                    data.Values.SetUnstated(fact);
                    break;
            }
        }

        for (var section = 0; section < (texts?.Length ?? 0); section++)
        {
            data.Values.SetSectionText(section, texts![section]);
        }

        return data;
    }

    private static byte[] Json(Validator validator, object?[] values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", validator.Format.Name);
            json.WriteString("version", validator.Format.Version);
            json.WriteStartObject("cells");
            for (var i = 0; i < validator.Layout.FirstFact; i++)
            {
                json.WritePropertyName(validator.Layout.Cells[i].Id);
                switch (values[i])
                {
                    case long whole:
                        json.WriteNumberValue(whole);
                        break;
                    case decimal amount:
                        json.WriteNumberValue(amount);
                        break;
                    case string text:
                        json.WriteStringValue(text);
                        break;
                    default:
                        json.WriteNullValue();
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Print(Validator validator, ReportCase c) =>
        "current: " + Encoding.UTF8.GetString(Json(validator, c.Current))
        + "\nprevious: " + (c.Previous is null ? "none" : Encoding.UTF8.GetString(Json(validator, c.Previous)));

    /// <summary>What both validators must agree on, for one finding.</summary>
    private sealed record FindingRow(string Code, string? Rule, string Severity, string Cells, decimal? Left, decimal? Right, string Message)
    {
        public static FindingRow From(Finding finding) => new(
            finding.Code,
            finding.Rule,
            finding.Severity == FindingSeverity.Error ? "error" : "warning",
            string.Join(" | ", finding.Cells.Select(c => (c.IsPrevious ? "previous " : string.Empty) + c.Id)),
            finding.Left?.Value,
            finding.Right?.Value,
            finding.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TrySet_fills_each_cell_by_its_identifier_and_refuses_values_that_do_not_fit()
    {
        var format = Load("coverage");
        var (_, image) = CompileEmitted(CSharpEmitter.Emit(format, Namespace));
        var context = new AssemblyLoadContext("emitted-try-set", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(new MemoryStream(image)).GetType(Namespace + ".Report", throwOnError: true)!;
            var trySet = type.GetMethod("TrySet").ShouldNotBeNull();
            var names = CSharpEmitter.PropertyNames(format);
            var report = Activator.CreateInstance(type)!;
            bool Set(string id, object? value) => (bool)trySet.Invoke(report, [id, value])!;
            object? Get(string id) => type.GetProperty(names[id])!.GetValue(report);

            foreach (var cell in format.Tables.SelectMany(t => t.Cells))
            {
                var (fits, stored, misfits) = cell.Type.Kind switch
                {
                    CellTypeKind.Count or CellTypeKind.Integer => ((object)7, (object)7L, new object[] { 7.5m, "7", 1e20m }),
                    CellTypeKind.Amount => (12.25m, 12.25m, new object[] { "12.25", 1.5 }),
                    _ => ("说明", "说明", new object[] { 3L }),
                };
                if (cell.Type.Kind is CellTypeKind.Count or CellTypeKind.Integer)
                {
                    // Report data read as decimals: a whole one fits a whole-number cell.
                    Set(cell.Id, 9m).ShouldBeTrue(cell.Id);
                    Get(cell.Id).ShouldBe(9L, cell.Id);
                }

                Set(cell.Id, fits).ShouldBeTrue(cell.Id);
                Get(cell.Id).ShouldBe(stored, cell.Id);
                foreach (var misfit in misfits)
                {
                    Set(cell.Id, misfit).ShouldBeFalse($"{cell.Id} = {misfit}");
                    Get(cell.Id).ShouldBe(stored, cell.Id);
                }

                Set(cell.Id, null).ShouldBeTrue(cell.Id);
                Get(cell.Id).ShouldBeNull(cell.Id);
            }

            Set("counts.nowhere[a]", 1L).ShouldBeFalse();
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Drives the emitted types through reflection, since they exist only in the loaded assembly.</summary>
    private sealed class EmittedValidator
    {
        private readonly Type _report;
        private readonly MethodInfo _validate;
        private readonly PropertyInfo[] _properties;
        private readonly Type _finding;
        private readonly CellLayout _layout;

        public EmittedValidator(Assembly assembly, CellLayout layout, string @namespace = Namespace)
        {
            _report = assembly.GetType(@namespace + ".Report", throwOnError: true)!;
            _finding = assembly.GetType(@namespace + ".Finding", throwOnError: true)!;
            _validate = assembly.GetType(@namespace + ".Validator", throwOnError: true)!.GetMethod("Validate").ShouldNotBeNull();
            _layout = layout;
            var names = CSharpEmitter.PropertyNames(layout.Format);
            _properties = [.. layout.Cells.Select(c => _report.GetProperty(names[c.Id]).ShouldNotBeNull())];
        }

        public object Create(object?[] values, bool[]? texts = null)
        {
            var report = Activator.CreateInstance(_report)!;
            for (var i = 0; i < values.Length; i++)
            {
                _properties[i].SetValue(report, values[i]);
            }

            if (texts is not null && _report.GetProperty("SectionTexts") is { } property)
            {
                // A section without text is left out, or given only spaces: both are no text.
                var sections = _layout.Format.Sections;
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < texts.Length; i++)
                {
                    if (texts[i])
                    {
                        map[sections[i].Name] = "正文";
                    }
                    else if (i % 2 == 0)
                    {
                        map[sections[i].Name] = " 　";
                    }
                }

                property.SetValue(report, map);
            }

            return report;
        }

        public List<FindingRow> Validate(object report, object? previous)
        {
            var findings = (IEnumerable)_validate.Invoke(null, [report, previous])!;
            return [.. findings.Cast<object>().Select(f => new FindingRow(
                (string)Get(f, "Code")!,
                (string?)Get(f, "Rule"),
                (string)Get(f, "Severity")!,
                string.Join(" | ", (IEnumerable<string>)Get(f, "CellIds")!),
                (decimal?)Get(f, "Left"),
                (decimal?)Get(f, "Right"),
                (string)Get(f, "Message")!))];
        }

        private object? Get(object finding, string property) => _finding.GetProperty(property)!.GetValue(finding);
    }
}
