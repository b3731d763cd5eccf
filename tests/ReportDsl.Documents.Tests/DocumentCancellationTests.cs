using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Reading stops with <see cref="OperationCanceledException"/> once its token is cancelled (the validation service
/// cancels it when a request's time limit passes), for every kind of document; an untouched token changes nothing.
/// </summary>
public sealed class DocumentCancellationTests
{
    public static TheoryData<string> Documents() =>
    [
        "040-document-folded-findings/data.txt",
        "012-document-html-page/data.html",
        "013-document-docx/data.docx",
        "021-pdf-2021-ruled-table/data.pdf",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_cancelled_token_stops_the_reading(string sample)
    {
        var path = Path.Combine(RepoPaths.Samples, "500-validation", sample);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Should.Throw<OperationCanceledException>(() => DocumentReader.ReadFile(File.ReadAllBytes(path), path, Path.GetExtension(path), SeedAccuracyTests.Validators, cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_token_not_cancelled_reads_as_without_one(string sample)
    {
        var path = Path.Combine(RepoPaths.Samples, "500-validation", sample);
        var bytes = File.ReadAllBytes(path);
        using var live = new CancellationTokenSource();
        var withToken = DocumentReader.ReadFile(bytes, path, Path.GetExtension(path), SeedAccuracyTests.Validators, live.Token);
        var without = DocumentReader.ReadFile(bytes, path, SeedAccuracyTests.Validators);
        withToken.Evidence.ShouldBe(without.Evidence);
        withToken.Data.ShouldNotBeNull().ReadFindings.Select(f => f.ToString()).ShouldBe(without.Data.ShouldNotBeNull().ReadFindings.Select(f => f.ToString()));
    }
}
