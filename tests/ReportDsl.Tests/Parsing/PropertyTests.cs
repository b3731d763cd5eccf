using System.Text;
using CsCheck;
using ReportDsl.Formatting;
using ReportDsl.Syntax;
using ReportDsl.Tests.Formatting;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Parsing;

/// <summary>Property tests: generated specs round-trip and format stably; mutated and random input never throws.</summary>
public sealed class PropertyTests
{
    private static readonly string Spec2021 = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl"));
    private static readonly string Variant = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2019-decisions-only.rdsl"));
    private static readonly SyntaxTree Spec2019 = SyntaxTree.Parse(SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Templates, "2019.rdsl")), "2019.rdsl"));

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    /// <summary>
    /// Valid specs of random shape: groups up to three levels, aliases, types, comments and odd but legal spacing
    /// everywhere. Built from one seed so that every generated spec is valid by construction.
    /// </summary>
    private static readonly Gen<string> Specs = Gen.Int.Select(seed => BuildSpec(new Random(seed)));

    private static readonly string[] Spaces = [" ", "  ", "\t", " /* c */ "];
    private static readonly string[] Newlines = ["\n", "\r\n", "\n\n", " // note\n", "\n// own line\n"];
    private static readonly string[] Types =
    [
        "", " : count", " : integer", " : amount unit \"万元\" precision 2", " : count range 0..100 default 0", " : percent precision 1 range 0..200",
        " : integer range -5.. default -1", " : amount unit \"万元\" precision 2 default 0.5 range ..1000",
    ];

    // Presence and the relation of a group to its parts, written or not.
    private static readonly string[] GroupModifiers = ["", " exhaustive", " nonexhaustive", " optional", " required exhaustive"];
    private static readonly string[] LeafModifiers = ["", "", " required", " optional"];

    private static string BuildSpec(Random random)
    {
        string Sp() => Spaces[random.Next(Spaces.Length)];
        string Nl() => Newlines[random.Next(Newlines.Length)];
        string Pick3(string a, string b, string c) => random.Next(3) switch { 0 => a, 1 => b, _ => c };
        string Label() => new(Enumerable.Range(0, random.Next(1, 6)).Select(_ => "一二三申请公开结果（）、abc“”"[random.Next(16)]).ToArray());

        // One type for every column, so that sums over column groups stay well typed.
        var columnType = Types[random.Next(Types.Length)];
        var version = random.Next(1, 9999);

        // Lineage that needs no earlier format: "since" no later than the version, "until" no earlier than "since".
        string Lineage()
        {
            if (random.Next(3) != 0)
            {
                return string.Empty;
            }

            var since = random.Next(1, version + 1);
            return $"{Sp()}since{Sp()}{since}" + (random.Next(2) == 0 ? $"{Sp()}until {random.Next(since, 10000)}" : string.Empty);
        }

        var groups = new HashSet<string>(StringComparer.Ordinal);
        void Items(StringBuilder builder, string prefix, int depth)
        {
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                var name = $"{prefix}{i}";
                var label = $"{i}{Label()}";
                var alias = random.Next(3) == 0 ? $"{Sp()}alias{Sp()}\"{label}甲\"" : string.Empty;
                if (depth > 0 && random.Next(3) == 0)
                {
                    // A column group with values would take the table's count type beside its typed parts: only rows get one.
                    var groupModifier = GroupModifiers[random.Next(prefix.StartsWith('r') ? GroupModifiers.Length : 1)];
                    groups.Add(name);
                    builder.Append($"group{Sp()}{name} \"{label}\"{alias}{groupModifier}{Lineage()} {{{Nl()}");
                    Items(builder, name + "_", depth - 1);
                    builder.Append($"}}{Nl()}");
                }
                else
                {
                    // A subtotal needs siblings to add up, so never the first item.
                    var modifier = i > 0 && random.Next(4) == 0 ? " subtotal" : LeafModifiers[random.Next(LeafModifiers.Length)];
                    builder.Append($"{name}{Sp()}\"{label}\"{alias}{modifier}{Lineage()}{(prefix.StartsWith('r') ? string.Empty : columnType)}{Nl()}");
                }
            }
        }

        var spec = new StringBuilder($"// generated{Nl()}format{Sp()}f{random.Next(100)} version {version} {{{Nl()}title \"t\"{Nl()}source \"s\"{Sp()}years 2021..{Nl()}}}{Nl()}");
        var tablePresence = Pick3(string.Empty, " required", " optional");
        spec.Append($"section s \"一\"{Sp()}required {{{Nl()}table t \"表\"{tablePresence} {{{Nl()}cells count{Nl()}columns {{{Nl()}");
        Items(spec, "c", 2);
        spec.Append($"}}{Nl()}rows{Sp()}{{{Nl()}");
        Items(spec, "r", 2);
        spec.Append($"}}{Nl()}rule R1 error \"m\" tolerance 0.01 for each row: sum(c0) + 0 >= -(1 - 1){Nl()}");

        // Arithmetic, conditions, item lists and placeholders; sometimes long enough to be laid out on several lines.
        string[] conditions = ["sum(c0) > 1", "not (sum(c0) < 3)", "sum(c0) > 0 and (sum(c0) != 2 or not sum(c0) = 5)", "(sum(c0) <= 9)"];
        var condition = conditions[random.Next(conditions.Length)];
        var terms = string.Join($"{Sp()}+ ", Enumerable.Repeat("sum(c0)", random.Next(1, 30)));
        spec.Append($"rule R2 warning \"{{row}} {{left}}\"{Sp()}for each row{Sp()}when {condition}:{Sp()}amount({terms}) * 2 <= round(sum(c0) / 3, 1) + amount(max(abs(-sum(c0)), 100, 2 * 3)){Nl()}");
        spec.Append($"rule R3 error \"m\" for each column in (c0){Sp()}for each row: {terms} >= 0{Nl()}");

        // Facts stated in a prose section, of every type, and a rule over one of them.
        var facts = random.Next(3);
        var factRule = facts > 0 ? $"rule R4 warning \"f\":{Sp()}p.f0 >= 0{Nl()}" : string.Empty;

        // Existence rules over the table, the section, a cell at the quantified row, and (with facts) a prose section and a fact.
        var presenceTargets = new List<string> { "t", "s" };
        if (!groups.Contains("c0"))
        {
            // A column without values (a plain group) has no cell to be present.
            presenceTargets.Add("c0");
        }

        if (facts > 0)
        {
            presenceTargets.AddRange(["p", "p.f0"]);
        }

        var presenceTarget = presenceTargets[random.Next(presenceTargets.Count)];
        var presenceRule = presenceTarget == "c0"
            ? $"rule R5 warning \"{{row}}\"{Sp()}for each row{Sp()}when {condition}:{Sp()}present{Sp()}c0{Nl()}"
            : $"rule R5 error \"e\"{(random.Next(2) == 0 ? $"{Sp()}for each row when {condition}" : string.Empty)}:{Sp()}present{Sp()}{presenceTarget}{Nl()}";
        // Conditions over text, date, boolean and enum cells, with written values on either side.
        string[] valueTests =
        [
            "kind = \"市级\"", "\"县级\" != kind", "day >= \"2021-07-01\"", "day < \"2021/07/01\"", "flag = true", "false != flag",
            "flag = \"是\"", "note != \"无\"", "previous kind != kind",
        ];
        string ValueTest() => valueTests[random.Next(valueTests.Length)];
        var valueCondition = random.Next(3) switch
        {
            0 => ValueTest(),
            1 => $"{ValueTest()}{Sp()}and ({ValueTest()} or not {ValueTest()})",
            _ => $"not ({ValueTest()}){Sp()}or{Sp()}{ValueTest()}",
        };
        var valueTable = $"table u \"类\" optional {{{Nl()}cells text{Nl()}columns {{{Nl()}v \"值\"{Nl()}}}{Nl()}rows {{{Nl()}"
            + $"kind \"类型\" : enum(\"市级\", \"县级\"){Nl()}day \"日期\" : date{Nl()}flag \"是否\" : boolean default false{Nl()}note \"说明\"{Nl()}}}{Nl()}"
            + $"rule R6 warning \"u\"{Sp()}when {valueCondition}:{Sp()}present{Sp()}note{Nl()}}}{Nl()}";
        spec.Append($"{factRule}{presenceRule}}}{Nl()}{valueTable}}}{Nl()}");
        if (facts > 0)
        {
            spec.Append($"section p \"二\"{Sp()}optional prose {{{Nl()}");
            for (var i = 0; i < facts; i++)
            {
                var type = Types[1 + random.Next(Types.Length - 1)];
                spec.Append($"fact{Sp()}f{i} \"{Label()}\"{(random.Next(2) == 0 ? " required" : string.Empty)}{type}{Sp()}pattern \"共[^。]{{0,3}}{{n}}{i}件\"{Nl()}");
            }

            spec.Append($"}}{Nl()}");
        }

        return spec.ToString();
    }

    [Fact]
    public void Generated_specs_round_trip_compile_and_format_stably()
    {
        Specs.Sample(text =>
        {
            var tree = SyntaxTree.Parse(text);
            tree.Root.ToFullString().ShouldBe(text);
            var compilation = Compilation.Create([tree]);
            compilation.GetDiagnostics().Where(d => d.Severity == global::ReportDsl.Diagnostics.DiagnosticSeverity.Error).ShouldBeEmpty(text);

            var formatted = Formatter.Format(tree).ShouldNotBeNull();
            Formatter.Format(SyntaxTree.Parse(formatted)).ShouldBe(formatted);
            FormatterTests.Dump(formatted).ShouldBe(FormatterTests.Dump(text));
            FormatterTests.Comments(SyntaxTree.Parse(formatted)).ShouldBe(FormatterTests.Comments(tree));
        }, iter: 300);
    }

    private static readonly Gen<string> Junk = Gen.OneOf(
        Gen.Char["{}()[]:.,+-=<>!\"\\/*\n \t一a0"].Array[1, 8].Select(c => new string(c)),
        Pick("rule", "group", "for each row", "table", "section", "format", "\"", "/*", "//", "..", "previous", "sum(", " present ", ": present t"),
        Pick(" * ", " / ", " when ", " and ", " or ", " not ", "abs(", "round(", "min(", ", ", "for each group in (", "for each column in (a, b)", "{row}", "{", " when a > 0:"),
        Pick(" exhaustive", " nonexhaustive", " subtotal", " optional", " required", " : percent", " : date", " : boolean", " enum(\"是\", \"否\")", " range 0..", " range ..-1", " default 0", " default \"x\"", " pattern \"[\""),
        Pick(" renamed from x", " split from results.other", " merged from a, b", " moved from s", " since 2021", " until 1", " extends gov_info_disclosure 2019", " revises gov_info_disclosure 2019", "\nremove column art20_5.change\n", "\nremove table x\n",
            "\nadd row art20_5 after licensing { x \"新\" }\n", "\nreplace column art20_5.decisions { d \"决定\" renamed from decisions }\n", "\nreplace rule GK001 {\n}\n", "\nadd rule applications { rule Z9 error \"m\": received >= 0 }\n"),
        Gen.Char.Array[1, 4].Select(c => new string(c)));

    /// <summary>Random edits of the real 2021 format, or of the variant that extends 2019: deletions, insertions and duplications anywhere.</summary>
    private static readonly Gen<string> Mutated =
        Gen.Select(Gen.Bool, Gen.Select(Gen.Int[0, Spec2021.Length], Gen.Int[0, 40], Junk, Gen.Int[0, 2]).Array[1, 5])
            .Select((variant, edits) =>
            {
                var text = variant ? Variant : Spec2021;
                foreach (var (position, length, junk, kind) in edits)
                {
                    var start = Math.Min(position, text.Length);
                    var count = Math.Min(length, text.Length - start);
                    text = kind switch
                    {
                        0 => text.Remove(start, count),
                        1 => text.Insert(start, junk),
                        _ => text.Insert(start, text.Substring(start, count)),
                    };
                }

                return text;
            });

    [Fact]
    public void Mutated_specs_never_throw_and_round_trip()
    {
        Mutated.Sample(text =>
        {
            // The 2019 format is a reference, so that extends, revises and lineage are bound and checked.
            var compilation = Compilation.Create([SyntaxTree.Parse(SourceText.From(text))], [Spec2019]);
            compilation.SyntaxTrees[0].Root.ToFullString().ShouldBe(text);
            _ = compilation.GetDiagnostics();
            _ = compilation.GetSemanticModel().Dump();
            if (Formatter.Format(compilation.SyntaxTrees[0]) is { } formatted)
            {
                Formatter.Format(SyntaxTree.Parse(formatted)).ShouldBe(formatted);
            }
        }, iter: 400);
    }

    [Fact]
    public void Random_text_and_bytes_never_throw_and_round_trip()
    {
        Gen.String.Sample(text =>
        {
            var compilation = Compilation.Create(SourceText.From(text));
            compilation.SyntaxTrees[0].Root.ToFullString().ShouldBe(text);
            _ = compilation.GetDiagnostics();
        }, iter: 500);

        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            var text = SourceText.FromBytes(bytes);
            var compilation = Compilation.Create(text);
            compilation.SyntaxTrees[0].Root.ToFullString().ShouldBe(text.Text);
            _ = compilation.GetDiagnostics();
        }, iter: 300);
    }
}
