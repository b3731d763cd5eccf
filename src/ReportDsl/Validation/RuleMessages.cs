using System.Globalization;
using System.Text;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>Fills a rule's message placeholders for one finding.</summary>
internal static class RuleMessages
{
    /// <summary>The message with <c>{left}</c>, <c>{right}</c>, <c>{row}</c>, <c>{column}</c> and <c>{group}</c> filled in; null when it has none.</summary>
    public static string? Format(RuleInstance instance, decimal left, decimal right)
    {
        var parts = instance.Rule.MessageParts;
        if (parts.IsEmpty)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part.Placeholder switch
            {
                MessagePlaceholder.Left => left.ToString(CultureInfo.InvariantCulture),
                MessagePlaceholder.Right => right.ToString(CultureInfo.InvariantCulture),
                MessagePlaceholder.Row => instance.Row is { } row ? string.Join('/', row.LabelPath) : string.Empty,
                MessagePlaceholder.Column => instance.Column is { } column ? string.Join('/', column.LabelPath) : string.Empty,
                MessagePlaceholder.Group => ScopeLabel(instance) ?? string.Empty,
                _ => part.Text,
            });
        }

        return builder.ToString();
    }

    /// <summary>The label of the group or table of a rule checked in several: null for a rule with one scope.</summary>
    public static string? ScopeLabel(RuleInstance instance) => instance.Scope is { } scope && instance.Rule.Scopes.Length > 1
        ? scope.Group is { } group ? string.Join('/', group.LabelPath) : scope.Table.Label
        : null;
}
