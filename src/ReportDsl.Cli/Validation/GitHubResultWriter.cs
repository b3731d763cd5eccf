using System.Globalization;
using System.Text;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Validation;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error</c> or <c>::warning</c> line per finding, on the line of the
/// document or report data the finding is about, so the run's summary and the pull request's diff show it in place.
/// Escaping follows GitHub's toolkit: %, CR and LF in the message; those and ':' and ',' in properties.
/// </summary>
internal sealed class GitHubResultWriter(TextWriter output) : IResultWriter
{
    public void Write(FileResult result)
    {
        foreach (var finding in result.Findings)
        {
            var location = finding.Location;
            var command = finding.Severity == FindingSeverity.Error ? "error" : "warning";
            var file = (location?.Path ?? result.Path).Replace('\\', '/');
            var line = Math.Max(1, location?.Line ?? 1);
            var column = Math.Max(1, location?.Column ?? 1);
            output.Write($"::{command} file={Property(file)},line={line},col={column},title={Property(finding.Code)}::{Data(Message(finding))}\n");
        }
    }

    public void Complete(RunSummary summary) => output.Write(Words.Summary(summary) + "\n");

    /// <summary>The message, the place in the table, and for a broken comparison both sides and the difference, one per line.</summary>
    private static string Message(Finding finding)
    {
        var text = new StringBuilder(finding.Message);
        if (finding.At is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{Words.At}: {finding.At}]");
        }

        if (finding is { Left: { } left, Right: { } right, Difference: { } difference })
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{left.Labels} = {left.Value.ToString(CultureInfo.InvariantCulture)}");
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{right.Labels} = {right.Value.ToString(CultureInfo.InvariantCulture)}");
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{Words.Difference} {difference.ToString(CultureInfo.InvariantCulture)}");
        }

        return text.ToString();
    }

    internal static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
