using System.Globalization;
using System.Text;
using System.Xml;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>
/// JUnit XML for GitLab, Jenkins and Azure DevOps test reports. One <c>testsuite</c> per input file (named by its
/// path); in it one <c>testcase</c> per rule of the file's format, so a test report lists which rules each report
/// passes and how many, plus a <c>values</c> case for the reading and type checks (RD31xx, RD32xx). Error findings
/// become one <c>failure</c> per case (message: the count and the first finding; body: every finding with its place
/// and equation); warnings go to the case's <c>system-out</c>; a rule that could not be checked because a value is
/// missing (RD3102, listed or folded under the finding that left the cell empty) is <c>skipped</c>; a file that could not be read is one <c>read</c> case with an <c>error</c>.
/// No timestamps or durations, so the output is deterministic. See docs/ci.md.
/// </summary>
internal sealed class JUnitResultWriter : IResultWriter
{
    private const string RuleNotChecked = "RD3102";
    private readonly TextWriter _output;
    private readonly XmlWriter _xml;
    private readonly SpecCatalog _catalog;

    public JUnitResultWriter(TextWriter output, SpecCatalog catalog)
    {
        _output = output;
        _catalog = catalog;
        output.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = true, CloseOutput = false });
        _xml.WriteStartElement("testsuites");
        Attribute("name", "reportdsl validate");
        _xml.Flush();
    }

    public void Write(FileResult result)
    {
        var cases = Cases(result);
        _xml.WriteStartElement("testsuite");
        Attribute("name", result.Path.Replace('\\', '/'));
        Attribute("tests", Count(cases.Count));
        Attribute("failures", Count(cases.Count(c => c.Outcome == Outcome.Failure)));
        Attribute("errors", Count(cases.Count(c => c.Outcome == Outcome.Error)));
        Attribute("skipped", Count(cases.Count(c => c.Outcome == Outcome.Skipped)));
        foreach (var testCase in cases)
        {
            WriteCase(result, testCase);
        }

        _xml.WriteEndElement();
        _xml.Flush();
    }

    public void Complete(RunSummary summary)
    {
        _xml.WriteEndElement();
        _xml.Flush();
        _xml.Dispose();
        _output.Write('\n');
    }

    private List<TestCase> Cases(FileResult result)
    {
        if (result.Unreadable || result.Format is null || result.Version is null)
        {
            var outcome = result.Unreadable ? Outcome.Error : result.Errors > 0 ? Outcome.Failure : Outcome.Passed;
            return [new TestCase("reportdsl.read", "read", result.Findings, outcome)];
        }

        var format = _catalog.Compilation.Formats.FirstOrDefault(f => f.Name == result.Format && f.Version == result.Version);
        var prefix = $"reportdsl.{result.Format}-{result.Version}";

        // A rule check a document's empty cell stopped is folded under the finding that left the cell empty (RD3140,
        // RD3201...): the rule is still not checked, so its case is skipped, naming that finding.
        var notChecked = result.Findings.Where(f => f.Code == RuleNotChecked).Select(f => new NotChecked(f, null))
            .Concat(result.Findings.SelectMany(cause => cause.Folded.Where(f => f.Code == RuleNotChecked).Select(f => new NotChecked(f, cause))))
            .Where(n => n.Finding.Rule is not null)
            .ToLookup(n => n.Finding.Rule, StringComparer.Ordinal);
        var cases = new List<TestCase>();
        var ruleCodes = new HashSet<string>(StringComparer.Ordinal);
        // Implied rules share their code (RD3178-RD3180) across groups: one case per code collects their findings.
        foreach (var rule in (format?.Rules ?? []).DistinctBy(r => r.Code))
        {
            ruleCodes.Add(rule.Code);
            var findings = result.Findings.Where(f => f.Code == rule.Code || (f.Code == RuleNotChecked && f.Rule == rule.Code)).ToList();
            var skipped = notChecked[rule.Code].ToList();
            var outcome = findings.Any(f => f.Code == rule.Code && f.Severity == FindingSeverity.Error) ? Outcome.Failure
                : skipped.Count > 0 ? Outcome.Skipped
                : Outcome.Passed;
            cases.Add(new TestCase($"{prefix}.{rule.Table.Name}", $"{rule.Code} {CaseName(rule)}", findings, outcome) { NotChecked = skipped });
        }

        var values = result.Findings.Where(f => !ruleCodes.Contains(f.Code) && !(f.Code == RuleNotChecked && f.Rule is { } r && ruleCodes.Contains(r))).ToList();
        cases.Add(new TestCase($"{prefix}.values", "values", values, values.Any(f => f.Severity == FindingSeverity.Error) ? Outcome.Failure : Outcome.Passed));
        return cases;
    }

    // A case stands for every instance of the rule, so its name shows a placeholder ({group}, {left}, …) as "…"
    // rather than the template's braces; the findings inside carry the filled-in messages.
    private static string CaseName(Semantics.RuleSymbol rule) => rule.MessageParts.IsEmpty
        ? rule.Message
        : string.Concat(rule.MessageParts.Select(p => p.Placeholder == Semantics.MessagePlaceholder.Text ? p.Text : "…"));

    private void WriteCase(FileResult result, TestCase testCase)
    {
        _xml.WriteStartElement("testcase");
        Attribute("classname", testCase.ClassName);
        Attribute("name", testCase.Name);
        Attribute("file", result.Path.Replace('\\', '/'));
        var errors = testCase.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
        var others = testCase.Findings.Where(f => f.Severity != FindingSeverity.Error).ToList();
        switch (testCase.Outcome)
        {
            case Outcome.Failure or Outcome.Error:
                // The readers always say why a file is unreadable (RD3110, RD3205...); "read" stands in should one not.
                _xml.WriteStartElement(testCase.Outcome == Outcome.Error ? "error" : "failure");
                Attribute("message", errors.Count switch
                {
                    0 => Words.Unreadable,
                    1 => errors[0].Message,
                    _ => $"{errors.Count} × {errors[0].Message}",
                });
                Attribute("type", errors.Count == 0 ? "read" : errors[0].Code);
                Text(Describe(result, errors));
                _xml.WriteEndElement();
                break;
            case Outcome.Skipped:
                var first = testCase.NotChecked[0];
                _xml.WriteStartElement("skipped");
                Attribute("message", testCase.NotChecked.Count == 1 ? first.Finding.Message : $"{testCase.NotChecked.Count} × {first.Finding.Message}");
                Text(DescribeNotChecked(result, testCase.NotChecked));
                _xml.WriteEndElement();
                others = [.. others.Where(f => f.Code != RuleNotChecked)];
                break;
            default:
                break;
        }

        if (others.Count > 0)
        {
            _xml.WriteElementString("system-out", Describe(result, others));
        }

        _xml.WriteEndElement();
    }

    /// <summary>Each finding the way the text output shows it: place, code, message, and the equation with its numbers.</summary>
    private static string Describe(FileResult result, IEnumerable<Finding> findings)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            var location = finding.Location ?? new FindingLocation(result.Path, 1, 1);
            var severity = finding.Severity == FindingSeverity.Error ? "error" : "warning";
            text.Append(CultureInfo.InvariantCulture, $"{location.Path.Replace('\\', '/')}({location.Line},{location.Column}): {severity} {finding.Code}: {finding.Message}");
            if (finding.At is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" [{Words.At}: {finding.At}]");
            }

            text.Append('\n');
            if (finding is { Left: { } left, Right: { } right, Difference: { } difference })
            {
                text.Append(CultureInfo.InvariantCulture, $"  {left.Labels} = {Number(left.Value)}\n");
                text.Append(CultureInfo.InvariantCulture, $"  {right.Labels} = {Number(right.Value)}\n");
                text.Append(CultureInfo.InvariantCulture, $"  {Words.Difference} {Number(difference)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Each check not made, and for a folded one the finding (with its place) that left the cell empty.</summary>
    private static string DescribeNotChecked(FileResult result, IReadOnlyList<NotChecked> notChecked)
    {
        var text = new StringBuilder();
        foreach (var (finding, cause) in notChecked)
        {
            if (cause is null)
            {
                text.Append(Describe(result, [finding]));
                continue;
            }

            // A folded check has no place of its own: the place is that of the finding that left the cell empty.
            var location = cause.Location ?? new FindingLocation(result.Path, 1, 1);
            var place = (location with { Path = location.Path.Replace('\\', '/') }).ToString();
            text.Append(CultureInfo.InvariantCulture, $"warning {finding.Code}: {finding.Message}\n  {Messages.Format("JUnit_FoldedUnder", cause.Code, place)}\n");
        }

        return text.ToString();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private enum Outcome
    {
        Passed,
        Failure,
        Error,
        Skipped,
    }

    private sealed record TestCase(string ClassName, string Name, IReadOnlyList<Finding> Findings, Outcome Outcome)
    {
        /// <summary>Gets the checks of this case's rule that were not made, listed or folded.</summary>
        public IReadOnlyList<NotChecked> NotChecked { get; init; } = [];
    }

    /// <summary>A rule check not made (RD3102), with the finding it is folded under when a document left its cell empty.</summary>
    private sealed record NotChecked(Finding Finding, Finding? Cause);

    // XML 1.0 cannot hold some characters a report may contain (a NUL in a published page): they become U+FFFD, so
    // the report stays well formed instead of the writer stopping half way.
    private void Attribute(string name, string value) => _xml.WriteAttributeString(name, Clean(value));

    private void Text(string value) => _xml.WriteString(Clean(value));

    private static string Clean(string value)
    {
        if (value.All(XmlConvert.IsXmlChar))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                builder.Append(value, i++, 2);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(value[i]) ? value[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
