using System.Text;
using CsCheck;
using ReportDsl.Semantics;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Tests.Validation;

public sealed class ValidatorTests
{
    private static readonly Dictionary<string, Validator> Validators = new()
    {
        ["2019"] = Load("2019"),
        ["2021"] = Load("2021"),
    };

    public static TheoryData<string> Versions() => ["2019", "2021"];

    private static Validator Load(string version)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, version + ".rdsl"));
        return Validator.Create(Compilation.Create(SourceText.From(text)).Formats.Single());
    }

    /// <summary>A report that satisfies every rule by construction: leaves are random, totals are computed.</summary>
    internal static ReportValues Consistent(Validator validator, Random random, int scale = 50)
    {
        var format = validator.Format;
        var layout = validator.Layout;
        var values = new ReportValues(layout);
        foreach (var cell in layout.Cells)
        {
            var index = layout.IndexOf(cell);
            if (cell.Type.Kind == CellTypeKind.Amount)
            {
                values.SetAmount(index, Math.Round((decimal)random.NextDouble() * scale, 2));
            }
            else
            {
                values.SetWhole(index, cell.Type.Kind == CellTypeKind.Integer ? random.Next(-scale, scale) : random.Next(0, scale));
            }
        }

        void Set(TableSymbol table, string row, string column, long value) =>
            values.SetWhole(layout.IndexOf(table.GetCell(table.FindItem(Axis.Row, row)!, table.FindItem(Axis.Column, column)!)!), value);

        long Get(TableSymbol table, string row, string column) =>
            (long)values.NumberOf(layout.IndexOf(table.GetCell(table.FindItem(Axis.Row, row)!, table.FindItem(Axis.Column, column)!)!))!;

        var applications = format.FindTable("applications")!;
        var results = applications.FindItem(Axis.Row, "results")!.ValueLeaves().Where(r => r.Path != "results.total").ToList();
        var columns = applications.ValueColumns.Where(c => c.Path != "total").ToList();
        foreach (var column in columns)
        {
            var total = results.Sum(r => Get(applications, r.Path, column.Path));
            Set(applications, "results.total", column.Path, total);
            var carriedIn = random.Next(0, (int)Math.Min(total + Get(applications, "carried_out", column.Path), scale) + 1);
            Set(applications, "carried_in", column.Path, carriedIn);
            Set(applications, "received", column.Path, total + Get(applications, "carried_out", column.Path) - carriedIn);
        }

        foreach (var row in applications.ValueRows)
        {
            Set(applications, row.Path, "total", columns.Sum(c => Get(applications, row.Path, c.Path)));
        }

        var reviews = format.FindTable("reviews")!;
        foreach (var group in new[] { "review", "litigation.direct", "litigation.after_review" })
        {
            Set(reviews, "cases", group + ".total", new[] { "upheld", "corrected", "other", "pending" }.Sum(o => Get(reviews, "cases", $"{group}.{o}")));
        }

        // A fact is stated as the tables say it: each rule "fact = cells" holds.
        foreach (var instance in validator.Instances.Where(i => i.Left.Terms is [{ Cell.Fact: not null, Coefficient: 1 }] && i.Left.Constant == 0))
        {
            var sum = instance.Right.Constant + instance.Right.Terms.Sum(t => t.Coefficient * values.NumberOf(layout.IndexOf(t.Cell))!.Value);
            values.SetWhole(layout.IndexOf(instance.Left.Terms[0].Cell), (long)sum);
        }

        return values;
    }

    private static ReportData Data(Validator validator, ReportValues values) =>
        new("report.json", validator.Format.Name, validator.Format.Version, values);

    [Theory]
    [MemberData(nameof(Versions))]
    public void Reports_that_satisfy_every_rule_have_no_findings(string version)
    {
        var validator = Validators[version];
        Gen.Int.Sample(seed =>
        {
            var values = Consistent(validator, new Random(seed));
            validator.Validate(Data(validator, values)).ShouldBeEmpty();
            validator.CountProblems(values).ShouldBe(0);
        }, iter: 200);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Changing_any_cell_in_a_rule_gives_a_finding_that_names_it(string version)
    {
        var validator = Validators[version];
        var inRules = validator.Instances.SelectMany(i => i.Left.Terms.Concat(i.Right.Terms)).Where(t => !t.IsPrevious).Select(t => t.Cell).Distinct().ToList();
        inRules.Count.ShouldBeGreaterThan(150);
        Gen.Select(Gen.Int, Gen.Int[0, inRules.Count - 1], Gen.Int[1, 9]).Sample((seed, which, delta) =>
        {
            var values = Consistent(validator, new Random(seed));
            var index = validator.Layout.IndexOf(inRules[which]);
            values.SetWhole(index, (long)values.NumberOf(index)!.Value + delta);
            var findings = validator.Validate(Data(validator, values));
            findings.ShouldContain(f => f.Rule != null && f.Cells.Any(c => c.Id == inRules[which].Id), $"changing {inRules[which].Id} by {delta}");
        }, iter: 500);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_compiled_checks_agree_with_the_tree_walking_interpreter(string version)
    {
        var validator = Validators[version];
        Gen.Select(Gen.Int, Gen.Int[0, 3], Gen.Bool).Sample((seed, blanks, withPrevious) =>
        {
            var random = new Random(seed);
            var current = Consistent(validator, random, scale: 5);
            var previous = withPrevious ? Consistent(validator, random, scale: 5) : null;
            for (var i = 0; i < blanks * 3; i++)
            {
                var cell = random.Next(validator.Layout.Cells.Length);
                if (random.Next(2) == 0)
                {
                    current.SetMissing(cell);
                }
                else
                {
                    current.SetWhole(cell, random.Next(0, 9));
                }
            }

            CheckAgainstInterpreter(validator, current, previous);
        }, iter: 300);
    }

    [Fact]
    public void Missing_values_are_never_zero_and_name_the_cell()
    {
        var validator = Validators["2021"];
        var values = Consistent(validator, new Random(1));
        validator.Layout.TryGetIndex("applications.received[natural]", out var received).ShouldBeTrue();
        values.SetMissing(received);
        var findings = validator.Validate(Data(validator, values));

        findings.Where(f => f.Code == "RD3102").Select(f => f.Rule).ShouldBe(["GK001", "GK002"]);
        findings.ShouldAllBe(f => f.Cells.Single().Id == "applications.received[natural]");
    }

    [Fact]
    public void Sums_that_overflow_are_findings_not_crashes()
    {
        var validator = Validators["2021"];
        var values = Consistent(validator, new Random(2));
        validator.Layout.TryGetIndex("applications.received[natural]", out var received).ShouldBeTrue();
        validator.Layout.TryGetIndex("applications.carried_in[natural]", out var carriedIn).ShouldBeTrue();
        values.SetWhole(received, long.MaxValue);
        values.SetWhole(carriedIn, long.MaxValue);

        validator.Validate(Data(validator, values)).Where(f => f.Code == "RD3108").Select(f => f.Rule).ShouldBe(["GK001", "GK002", "GK002"]);
    }

    [Fact]
    public void A_broken_rule_reports_both_sides_the_difference_and_a_stable_fingerprint()
    {
        var validator = Validators["2021"];
        var values = Consistent(validator, new Random(3));
        validator.Layout.TryGetIndex("applications.received[natural]", out var received).ShouldBeTrue();
        values.SetWhole(received, (long)values.NumberOf(received)!.Value + 1);
        var finding = validator.Validate(Data(validator, values)).First(f => f.Code == "GK001");

        finding.At.ShouldBe("自然人");
        finding.Difference.ShouldBe(1m);
        finding.Left!.Expression.ShouldBe("applications.received[natural] + applications.carried_in[natural]");
        finding.Left.Labels.ShouldBe("一、本年新收政府信息公开申请数量[自然人] + 二、上年结转政府信息公开申请数量[自然人]");
        finding.Cells.Select(c => c.RowLabels[0]).ShouldContain("一、本年新收政府信息公开申请数量");

        values.SetWhole(received, (long)values.NumberOf(received)!.Value + 5);
        validator.Validate(Data(validator, values)).First(f => f.Code == "GK001").Fingerprint.ShouldBe(finding.Fingerprint, "the fingerprint depends on the rule and cells, not on values");
    }

    [Fact]
    public void Rules_with_arithmetic_and_conditions_agree_with_the_interpreter_and_count_without_allocating()
    {
        var validator = Validator.Create(Compilation.Create(SourceText.From(Emit.CSharpEmitterTests.ArithmeticSpec)).Formats.Single());
        validator.Instances.ShouldContain(i => i.IsGeneral);
        var statuses = new HashSet<RuleStatus>();
        Gen.Select(Gen.Int, Gen.Bool).Sample((seed, withPrevious) =>
        {
            var random = new Random(seed);
            ReportValues Values()
            {
                var values = new ReportValues(validator.Layout);
                foreach (var cell in validator.Layout.Cells)
                {
                    var index = validator.Layout.IndexOf(cell);
                    switch (random.Next(8))
                    {
                        case 0:
                            values.SetMissing(index);
                            break;
                        case 1 when cell.Type.IsWholeNumber:
                            values.SetWhole(index, 0);
                            break;
                        case 1:
                            values.SetAmount(index, 0m);
                            break;
                        default:
                            if (cell.Type.IsWholeNumber)
                            {
                                values.SetWhole(index, random.Next(0, 6));
                            }
                            else
                            {
                                values.SetAmount(index, Math.Round((decimal)random.NextDouble() * 50, 2));
                            }

                            break;
                    }
                }

                return values;
            }

            var current = Values();
            var previous = withPrevious ? Values() : null;
            statuses.UnionWith(CheckAgainstInterpreter(validator, current, previous));
        }, iter: 500, threads: 1);

        statuses.ShouldBe([RuleStatus.Holds, RuleStatus.Broken, RuleStatus.Missing, RuleStatus.NotApplicable, RuleStatus.DivisionByZero], ignoreOrder: true);
    }

    [Fact]
    public void Existence_rules_agree_with_the_interpreter_and_count_without_allocating()
    {
        var validator = Validator.Create(Compilation.Create(SourceText.From(Emit.CSharpEmitterTests.PresenceSpec)).Formats.Single());
        validator.Instances.Count(i => i.Rule.IsPresence).ShouldBeGreaterThan(5);
        var statuses = new HashSet<RuleStatus>();
        Gen.Select(Gen.Int, Gen.Bool, Gen.Bool).Sample((seed, withPrevious, withText) =>
        {
            var random = new Random(seed);
            ReportValues Values()
            {
                var values = new ReportValues(validator.Layout);
                for (var index = 0; index < validator.Layout.Cells.Length; index++)
                {
                    var type = validator.Layout.Cells[index].Type;
                    switch (random.Next(6))
                    {
                        case 0:
                            values.SetMissing(index);
                            break;
                        case 1:
                            values.SetOmitted(index);
                            break;
                        case 2:
                            values.SetInvalid(index);
                            break;
                        default:
                            if (type.IsWholeNumber)
                            {
                                values.SetWhole(index, random.Next(0, 4));
                            }
                            else if (type.IsNumeric)
                            {
                                values.SetAmount(index, random.Next(0, 80));
                            }
                            else
                            {
                                values.SetText(index, "说明");
                            }

                            break;
                    }
                }

                for (var section = 0; section < validator.Format.Sections.Length && withText; section++)
                {
                    values.SetSectionText(section, random.Next(2) == 0);
                }

                return values;
            }

            var current = Values();
            var previous = withPrevious ? Values() : null;
            var checkedStatuses = CheckAgainstInterpreter(validator, current, previous);
            statuses.UnionWith(checkedStatuses.Where((_, i) => validator.Instances[i].Rule.IsPresence));
        }, iter: 500, threads: 1);

        statuses.ShouldBe([RuleStatus.Holds, RuleStatus.Broken, RuleStatus.Missing, RuleStatus.Invalid, RuleStatus.NotApplicable, RuleStatus.DivisionByZero], ignoreOrder: true);
    }

    [Fact]
    public void Conditions_over_text_date_boolean_and_enum_cells_agree_with_the_interpreter_and_count_without_allocating()
    {
        var validator = Validator.Create(Compilation.Create(SourceText.From(Emit.CSharpEmitterTests.CellsSpec)).Formats.Single());
        validator.Instances.Count(i => i.Condition is not null).ShouldBeGreaterThanOrEqualTo(4);
        var statuses = new HashSet<RuleStatus>();
        var applied = 0;
        Gen.Select(Gen.Int, Gen.Bool).Sample((seed, withPrevious) =>
        {
            var random = new Random(seed);
            ReportValues Values()
            {
                var values = new ReportValues(validator.Layout);
                for (var index = 0; index < validator.Layout.Cells.Length; index++)
                {
                    var type = validator.Layout.Cells[index].Type;
                    if (random.Next(10) == 0)
                    {
                        values.SetMissing(index);
                        continue;
                    }

                    switch (type.Kind)
                    {
                        case CellTypeKind.Count or CellTypeKind.Integer:
                            values.SetWhole(index, random.Next(0, 6));
                            break;
                        case CellTypeKind.Amount or CellTypeKind.Percent:
                            values.SetAmount(index, random.Next(0, 120));
                            break;
                        case CellTypeKind.Date:
                            // The ways a document writes a date, around the conditions' dates, and one that is no date.
                            string[] days = ["2021-04-30", "2021/05/01", "2021年6月30日", " 2021-07-01 ", "2021-12-31", "明年"];
                            values.SetText(index, days[random.Next(days.Length)]);
                            break;
                        case CellTypeKind.Boolean:
                            values.SetText(index, random.Next(2) == 0 ? "true" : "false");
                            break;
                        case CellTypeKind.Enum:
                            values.SetText(index, type.Words[random.Next(type.Words.Length)]);
                            break;
                        default:
                            string[] texts = ["无", " 无", "说明", "否"];
                            values.SetText(index, texts[random.Next(texts.Length)]);
                            break;
                    }
                }

                return values;
            }

            var current = Values();
            var previous = withPrevious ? Values() : null;
            var checkedStatuses = CheckAgainstInterpreter(validator, current, previous);
            statuses.UnionWith(checkedStatuses);
            applied += checkedStatuses.Where((status, i) => validator.Instances[i].Condition is not null && status == RuleStatus.Broken).Count();
        }, iter: 500, threads: 1);

        statuses.ShouldContain(RuleStatus.Holds);
        statuses.ShouldContain(RuleStatus.Missing);
        applied.ShouldBeGreaterThan(50, "conditions over text cells should hold often enough for their rules to be broken");
    }

    /// <summary>
    /// Checks every rule instance compiled and with the interpreter (they must agree), then the one-method counter
    /// against them, and that counting allocates nothing; returns each instance's status.
    /// </summary>
    private static RuleStatus[] CheckAgainstInterpreter(Validator validator, ReportValues current, ReportValues? previous)
    {
        var statuses = new RuleStatus[validator.Instances.Length];
        var problems = 0;
        for (var i = 0; i < validator.Instances.Length; i++)
        {
            var compiled = validator.Check(i, current, previous);
            var interpreted = RuleInterpreter.Check(validator.Instances[i], validator.Layout, current, previous);
            compiled.ShouldBe(interpreted, $"{validator.Instances[i].Rule.Code} instance {i}");
            statuses[i] = compiled.Status;
            problems += compiled.Status is RuleStatus.Broken or RuleStatus.Missing or RuleStatus.Overflow or RuleStatus.DivisionByZero ? 1 : 0;
        }

        validator.CountProblems(current, previous).ShouldBe(problems, "the compiled counter agrees with the instance checks");
        var before = GC.GetAllocatedBytesForCurrentThread();
        validator.CountProblems(current, previous);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        return statuses;
    }

    [Fact]
    public void A_clean_report_is_checked_without_allocating()
    {
        var validator = Validators["2021"];
        var values = Consistent(validator, new Random(4));
        validator.CountProblems(values).ShouldBe(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            validator.CountProblems(values);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void The_json_reader_reports_each_value_problem_with_its_line_and_column()
    {
        var validator = Validators["2021"];
        var json = "{\n  \"format\": \"gov_info_disclosure\",\n  \"version\": \"2021\",\n  \"cells\": {\n    \"art20_6.penalty[decisions]\": -3,\n    \"art20_8.charges[fees]\": 1.1234567\n  }\n}\n";
        var result = ReportDataReader.Read(Encoding.UTF8.GetBytes(json), "r.json", (n, v) => n == "gov_info_disclosure" && v == "2021" ? validator.Layout : null, "spec");
        var data = result.Data.ShouldNotBeNull();

        var negative = data.ReadFindings.Single(f => f.Code == "RD3103");
        negative.Location.ShouldBe(new FindingLocation("r.json", 5, 5));
        data.ReadFindings.Single(f => f.Code == "RD3106").Location.ShouldBe(new FindingLocation("r.json", 6, 5));
        // The two values are in one section; each other required section with tables has no value and is one RD3172.
        var filled = validator.Layout.Cells.Take(validator.Layout.FirstFact).Where(c => c.Table.Section?.Name == "proactive").ToList();
        data.ReadFindings.Count(f => f.Code == "RD3101").ShouldBe(filled.Count - 2);
        data.ReadFindings.Count(f => f.Code == "RD3172").ShouldBe(validator.Format.Sections.Count(s => !s.IsProse && s.IsRequired) - 1);
    }
}
