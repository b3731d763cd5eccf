using System.Globalization;

namespace ReportDsl.Cli.Validation;

/// <summary>The few fixed words of the text report, in the UI language: clerks read it in Chinese.</summary>
internal static class Words
{
    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Difference => Chinese ? "差" : "difference";

    public static string Tolerance => Chinese ? "容差" : "tolerance";

    public static string At => Chinese ? "位置" : "at";

    public static string Declared => Chinese ? "数据中声明" : "declared in the data";

    public static string Detected => Chinese ? "按标签识别" : "detected from the labels";

    public static string Clean => Chinese ? "无问题" : "clean";

    public static string Unreadable => Chinese ? "无法读取" : "unreadable";

    public static string Summary(RunSummary s) => Chinese
        ? $"共 {s.Files} 个文件：{s.Clean} 个无问题，{s.WithErrors} 个有错误，{s.WithWarningsOnly} 个仅有警告，{s.Unreadable} 个无法读取。"
        : $"{s.Files} file(s): {s.Clean} clean, {s.WithErrors} with errors, {s.WithWarningsOnly} with warnings only, {s.Unreadable} unreadable.";

    public static string More(int omitted) => Chinese
        ? $"……另有 {omitted} 条问题未列出（--max-findings 可调高上限）。"
        : $"… and {omitted} more finding(s), not listed (raise --max-findings to list them).";

    public static string NotListed(long omitted) => Chinese
        ? $"共有 {omitted} 条问题超过 --max-findings 上限，只计数未列出。"
        : $"{omitted} finding(s) past --max-findings were counted but not listed.";

    public static string Counts(int errors, int warnings) => Chinese ? $"{errors} 个错误，{warnings} 个警告" : $"{errors} error(s), {warnings} warning(s)";
}
