namespace ReportDsl.Web;

/// <summary>The limits of the validation service, bound from the configuration section <c>Service</c> (<c>reportdsl serve</c> sets them from its options).</summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "Service";

    /// <summary>Gets or sets the largest request body accepted, in bytes (default 64 MB, the largest document the readers take).</summary>
    public long MaxRequestBytes { get; set; } = Documents.DocumentReader.MaxBytes;

    /// <summary>Gets or sets how long one request may take, reading its body included (default 30 seconds).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(30);
}
