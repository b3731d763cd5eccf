using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReportDsl.Evolution;

/// <summary>Writes a <see cref="SpecDiff"/> for people (text), programs (JSON) or a published change notice (Markdown, zh and en).</summary>
public static partial class SpecDiffWriter
{
    /// <summary>One line per change: impact, kind, element, identifiers and labels, then both locations; a summary last.</summary>
    public static string Text(SpecDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var builder = new StringBuilder();
        builder.Append("diff ").Append(Title(diff)).Append('\n');
        foreach (var change in diff.Changes)
        {
            builder.Append(change.Impact == ChangeImpact.Breaking ? "breaking   " : "compatible ")
                .Append(Word(change.Kind).PadRight(11))
                .Append(Word(change.Element).PadRight(8))
                .Append(Subject(change));
            if (change.OldDetail is not null || change.NewDetail is not null)
            {
                builder.Append(" (").Append(change.OldDetail ?? "-").Append(" -> ").Append(change.NewDetail ?? "-");
                if (change.Strictness is { } strictness)
                {
                    builder.Append("; ").Append(Word(strictness));
                }

                builder.Append(')');
            }

            builder.Append("  [").Append(change.OldLocation?.ToString() ?? "-").Append(" -> ").Append(change.NewLocation?.ToString() ?? "-").Append("]\n");
        }

        var breaking = diff.Changes.Count(c => c.Impact == ChangeImpact.Breaking);
        builder.Append(diff.Changes.Length).Append(" change(s): ").Append(breaking).Append(" breaking, ")
            .Append(diff.Changes.Length - breaking).Append(" compatible.\n");
        return builder.ToString();
    }

    /// <summary>The changes as a JSON object (documented in docs/evolution.md).</summary>
    public static string Json(SpecDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            Format(json, "old", diff.Old);
            Format(json, "new", diff.New);
            json.WriteBoolean("breaking", diff.HasBreakingChanges);
            json.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                json.WriteStartObject();
                json.WriteString("kind", Word(change.Kind));
                json.WriteString("element", Word(change.Element));
                json.WriteString("impact", change.Impact == ChangeImpact.Breaking ? "breaking" : "compatible");
                Optional(json, "table", change.Table);
                Optional(json, "tableLabel", change.TableLabel);
                Optional(json, "oldId", change.OldId);
                Optional(json, "newId", change.NewId);
                Optional(json, "oldLabel", change.OldLabel);
                Optional(json, "newLabel", change.NewLabel);
                Optional(json, "oldDetail", change.OldDetail);
                Optional(json, "newDetail", change.NewDetail);
                Optional(json, "strictness", change.Strictness is { } strictness ? Word(strictness) : null);
                Location(json, "oldLocation", change.OldLocation);
                Location(json, "newLocation", change.NewLocation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>
    /// The change notice a standards body publishes with a revision: what changed, part by part and table by table, in
    /// the official labels, each point in Chinese and in English, breaking changes marked.
    /// </summary>
    public static string Markdown(SpecDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var builder = new StringBuilder();
        builder.Append("# 格式修订说明 / Change notice\n\n");
        builder.Append("**").Append(diff.Old.Title ?? diff.Old.Name).Append("**（").Append(diff.Old.Version).Append("）→ **")
            .Append(diff.New.Title ?? diff.New.Name).Append("**（").Append(diff.New.Version).Append("）\n\n");
        if (diff.New.Document is { } document)
        {
            builder.Append("依据 / Issued by: ").Append(document).Append("\n\n");
        }

        if (diff.Changes.IsEmpty)
        {
            builder.Append("两个版本没有差异。/ The two versions do not differ.\n");
            return builder.ToString();
        }

        var breaking = diff.Changes.Count(c => c.Impact == ChangeImpact.Breaking);
        builder.Append("共 ").Append(diff.Changes.Length).Append(" 处变更，其中 ").Append(breaking).Append(" 处不兼容（标 ⚠）。/ ")
            .Append(diff.Changes.Length).Append(" change(s), ").Append(breaking).Append(" breaking (marked ⚠).\n");
        foreach (var group in diff.Changes.GroupBy(c => c.TableLabel))
        {
            builder.Append("\n## ").Append(group.Key ?? "格式与部分 / Format and sections").Append('\n');
            foreach (var change in group)
            {
                var mark = change.Impact == ChangeImpact.Breaking ? "⚠ " : string.Empty;
                builder.Append("\n- ").Append(mark).Append(Chinese(change)).Append('\n');
                builder.Append("  ").Append(mark).Append(English(change)).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Title(SpecDiff diff) => $"{diff.Old.Name} {diff.Old.Version} -> {diff.New.Name} {diff.New.Version}";

    private static string Subject(SpecChange change)
    {
        var table = change.Table is null || change.Element is ElementKind.Table or ElementKind.Section or ElementKind.Format ? string.Empty : change.Table + ".";
        var ids = (change.OldId, change.NewId) switch
        {
            (null, { } id) => table + id,
            ({ } id, null) => table + id,
            ({ } a, { } b) when a == b => table + a,
            var (a, b) => $"{table}{a} -> {table}{b}",
        };
        var labels = (change.OldLabel, change.NewLabel) switch
        {
            (null, null) => string.Empty,
            (null, { } label) => $" \"{label}\"",
            ({ } label, null) => $" \"{label}\"",
            ({ } a, { } b) when a == b => $" \"{a}\"",
            var (a, b) => $" \"{a}\" -> \"{b}\"",
        };
        return ids + labels;
    }

    private static string Chinese(SpecChange change)
    {
        var what = change.Element switch
        {
            ElementKind.Format => "格式",
            ElementKind.Section => "部分",
            ElementKind.Table => "表格",
            ElementKind.Row => "行",
            ElementKind.Column => "列",
            ElementKind.Fact => "事实",
            ElementKind.Cell => "单元格",
            _ => "规则",
        };
        var oldName = Name(change.OldLabel, change.OldId, change.Element);
        var newName = Name(change.NewLabel, change.NewId, change.Element);
        return change.Kind switch
        {
            ChangeKind.Retyped when change.Element == ElementKind.Format => $"适用的报告年度由 {change.OldDetail} 改为 {change.NewDetail}。",
            ChangeKind.Added => $"新增{what}{newName}。",
            ChangeKind.Removed when change.OldDetail is { } ended => $"删除{what}{oldName}（{ChineseEnd(ended)}）。",
            ChangeKind.Removed => $"删除{what}{oldName}。",
            ChangeKind.Moved when change.Element == ElementKind.Section => $"{what}{newName}由第 {change.OldDetail} 个部分移至第 {change.NewDetail} 个。",
            ChangeKind.Ending when change.NewDetail is null => $"{what}{newName}不再预告停用（原为 {change.OldDetail}）。",
            ChangeKind.Ending => $"{what}{newName}预告停用：{change.NewDetail} 版本之后删除。",
            ChangeKind.Changed when change.Strictness is { } strictness => $"{what}{newName}已修改（{ChineseDetail(change.OldDetail)} → {ChineseDetail(change.NewDetail)}），{ChineseStrictness(strictness)}。",
            ChangeKind.Renamed => $"{what}{oldName}的标识符由 `{change.OldId}` 改为 `{change.NewId}`。",
            ChangeKind.Relabelled => $"{what}名称由{oldName}改为{newName}。",
            ChangeKind.Moved => $"{what}{newName}由“{change.OldDetail}”移至“{change.NewDetail}”。",
            ChangeKind.Retyped => $"{what}{newName}的类型由 `{change.OldDetail}` 改为 `{change.NewDetail}`。",
            ChangeKind.Split => $"{what}{oldName}拆分为{newName}。",
            ChangeKind.Merged => $"{what}{oldName}合并为{newName}。",
            _ => $"{what}{newName}已修改（{ChineseDetail(change.OldDetail)} → {ChineseDetail(change.NewDetail)}）。",
        };
    }

    // Details are mostly the spec's own words (a unit, a condition), kept as written; the ones about printed text (an
    // alias, the top-left cell, a banner) or its absence are English words of the diff, said in Chinese here.
    private static string? ChineseDetail(string? detail) => detail switch
    {
        "error" => "错误",
        "warning" => "警告",
        "no alias" => "无别名",
        "no stub" => "无左上角栏目文字",
        "no rows banner" => "无行标题",
        "no columns banner" => "无列标题",
        not null when detail.StartsWith("alias ", StringComparison.Ordinal) => "别名 " + detail["alias ".Length..],
        not null when detail.StartsWith("stub ", StringComparison.Ordinal) => "左上角栏目文字 " + detail["stub ".Length..],
        not null when detail.StartsWith("rows banner ", StringComparison.Ordinal) => "行标题 " + detail["rows banner ".Length..],
        not null when detail.StartsWith("columns banner ", StringComparison.Ordinal) => "列标题 " + detail["columns banner ".Length..],
        not null when RuleDetail().Match(detail) is { Success: true } rule =>
            (rule.Groups[1].Value == "error" ? "错误" : "警告")
            + (rule.Groups[2].Success ? "，容差 " + rule.Groups[2].Value : string.Empty)
            + "，" + rule.Groups[3].Value + " 处比较"
            + (rule.Groups[4].Success ? "（比较的单元格不同）" : string.Empty),
        _ => detail,
    };

    // What SpecDiff says of a rule: its severity, a tolerance, how many comparisons, and whether they read other cells.
    [GeneratedRegex(@"^(error|warning)(?: tolerance (\S+))?, (\d+) comparison\(s\)( of other cells)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleDetail();

    private static string English(SpecChange change)
    {
        var what = Word(change.Element);
        var oldName = Name(change.OldLabel, change.OldId, change.Element);
        var newName = Name(change.NewLabel, change.NewId, change.Element);
        return change.Kind switch
        {
            ChangeKind.Retyped when change.Element == ElementKind.Format => $"The report years change from {change.OldDetail} to {change.NewDetail}.",
            ChangeKind.Added => $"New {what} {newName}.",
            ChangeKind.Removed when change.OldDetail is { } ended => $"The {what} {oldName} is removed ({(ended.EndsWith(", early", StringComparison.Ordinal) ? "before the end announced by " + ended[..^7] : "as announced by " + ended)}).",
            ChangeKind.Removed => $"The {what} {oldName} is removed.",
            ChangeKind.Moved when change.Element == ElementKind.Section => $"The {what} {newName} moved from place {change.OldDetail} to place {change.NewDetail}.",
            ChangeKind.Ending when change.NewDetail is null => $"The {what} {newName} is no longer announced to end (was {change.OldDetail}).",
            ChangeKind.Ending => $"The {what} {newName} is announced to end: dropped after the version of {change.NewDetail}.",
            ChangeKind.Changed when change.Strictness is { } strictness => $"The {what} {newName} changed ({change.OldDetail} → {change.NewDetail}); it is {Word(strictness)}.",
            ChangeKind.Renamed => $"The {what} {oldName} has a new identifier: `{change.OldId}` is now `{change.NewId}`.",
            ChangeKind.Relabelled => $"The {what} {oldName} now reads {newName}.",
            ChangeKind.Moved => $"The {what} {newName} moved from “{change.OldDetail}” to “{change.NewDetail}”.",
            ChangeKind.Retyped => $"The {what} {newName} changed from `{change.OldDetail}` to `{change.NewDetail}`.",
            ChangeKind.Split => $"The {what} {oldName} is split into {newName}.",
            ChangeKind.Merged => $"The {what}s {oldName} are merged into {newName}.",
            _ => $"The {what} {newName} changed ({change.OldDetail} → {change.NewDetail}).",
        };
    }

    private static string ChineseEnd(string ended) =>
        ended.EndsWith(", early", StringComparison.Ordinal) ? $"早于预告的 {ended[..^7]}" : $"按预告 {ended}";

    private static string ChineseStrictness(RuleStrictness strictness) => strictness switch
    {
        RuleStrictness.Stricter => "比原规则更严格",
        RuleStrictness.Looser => "比原规则更宽松",
        RuleStrictness.Equivalent => "与原规则等价",
        _ => "与原规则无法比较宽严",
    };

    private static string Word(RuleStrictness strictness) => strictness.ToString().ToLowerInvariant();

    private static string Name(string? label, string? id, ElementKind element) =>
        element == ElementKind.Rule ? $"`{id}`（{label}）" : label is null ? $"`{id}`" : $"“{label}”";

    private static string Word(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    private static string Word(ElementKind element) => element.ToString().ToLowerInvariant();

    private static void Format(Utf8JsonWriter json, string name, Semantics.FormatSymbol format)
    {
        json.WriteStartObject(name);
        json.WriteString("format", format.Name);
        json.WriteString("version", format.Version);
        json.WriteString("path", format.Source.Path);
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Location(Utf8JsonWriter json, string name, SpecLocation? location)
    {
        if (location is null)
        {
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("path", location.Path);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteEndObject();
    }
}
