namespace ReportDsl.Cli.Validation;

/// <summary>Writes validation results as they come, file by file, then the summary.</summary>
internal interface IResultWriter
{
    void Write(FileResult result);

    void Complete(RunSummary summary);
}
