using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Files;

/// <summary>
/// A coded problem with a path on the command line or in the file system (RD60xx): printed as
/// <c>path: error RD6002: message</c>, or, in a validation run, reported as that path's finding.
/// </summary>
internal sealed record PathProblem(string Path, DiagnosticDescriptor Descriptor, object[] Arguments)
{
    /// <summary>Gets the codes of the problems with an input path, which a validation run reports as that path's finding.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> InputCodes { get; } =
    [
        DiagnosticCatalog.RD6001, DiagnosticCatalog.RD6002, DiagnosticCatalog.RD6003, DiagnosticCatalog.RD6004,
        DiagnosticCatalog.RD6005, DiagnosticCatalog.RD6006, DiagnosticCatalog.RD6007, DiagnosticCatalog.RD6008,
    ];

    public bool IsError => Descriptor.Severity == DiagnosticSeverity.Error;

    public Finding ToFinding() => Finding.ForData(Descriptor, [], null, null, Arguments);

    public string Message(CultureInfo culture) => ToFinding().GetMessage(culture);

    public string ToString(CultureInfo culture) =>
        $"{Path}: {(IsError ? "error" : "warning")} {Descriptor.Code}: {Message(culture)}";

    public override string ToString() => ToString(CultureInfo.CurrentUICulture);

    public static PathProblem PathNotFound(string path) => new(path, DiagnosticCatalog.RD6001, [path]);

    public static PathProblem FolderNotReadable(string path, object reason) => new(path, DiagnosticCatalog.RD6002, [path, reason]);

    public static PathProblem FileNotReadable(string path, object reason) => new(path, DiagnosticCatalog.RD6003, [path, reason]);

    public static PathProblem LinkLoop(string path, string folder) => new(path, DiagnosticCatalog.RD6004, [path, folder]);

    public static PathProblem BrokenLink(string path, string target) => new(path, DiagnosticCatalog.RD6005, [path, target]);

    public static PathProblem NotARegularFile(string path) => new(path, DiagnosticCatalog.RD6006, [path]);

    public static PathProblem NoInputFiles(string path, string lookedFor) => new(path, DiagnosticCatalog.RD6007, [path, lookedFor]);

    public static PathProblem StandardInputNotAlone() => new("-", DiagnosticCatalog.RD6008, []);

    public static PathProblem OutputIsInput(string path, string input) => new(path, DiagnosticCatalog.RD6020, [path, input]);

    public static PathProblem OutputNotRegularFile(string path) => new(path, DiagnosticCatalog.RD6021, [path]);

    public static PathProblem OutputIsFolder(string path) => new(path, DiagnosticCatalog.RD6022, [path]);

    public static PathProblem OutputFolderMissing(string path) => new(path, DiagnosticCatalog.RD6023, [path]);

    public static PathProblem OutputReadOnly(string path) => new(path, DiagnosticCatalog.RD6024, [path]);

    public static PathProblem OutputFailed(string path, object reason) => new(path, DiagnosticCatalog.RD6025, [path, reason]);

    public static PathProblem OwnerNotKept(string path, uint owner, uint group) => new(path, DiagnosticCatalog.RD6026, [path, owner, group]);

    public static PathProblem StandardOutputFailed(object reason) => new("-", DiagnosticCatalog.RD6027, [reason]);

    public static PathProblem UnknownOption(string option, string command, string? suggestion) =>
        new(option, DiagnosticCatalog.RD6035, [option, command, suggestion is null ? string.Empty : new LocalizableText("DidYouMean", suggestion)]);

    public static PathProblem DeprecatedOption(string option, string replacement) => new(option, DiagnosticCatalog.RD6036, [option, replacement]);

    public static PathProblem Interrupted(int files) => new("-", DiagnosticCatalog.RD6037, [files]);

    public static PathProblem InternalError(Exception exception) =>
        new("reportdsl", DiagnosticCatalog.RD6049, [exception.GetType().FullName ?? exception.GetType().Name, exception.Message.TrimEnd('.')]);
}

/// <summary>Turns an errno or an I/O exception into a reason said in the UI language.</summary>
internal static class Reasons
{
    public static object FromErrno(int errno, string fallback) => errno switch
    {
        Posix.EACCES or Posix.EPERM => new LocalizableText("Reason_PermissionDenied"),
        Posix.ENOSPC or Posix.EDQUOT => new LocalizableText("Reason_NoSpace"),
        Posix.EROFS => new LocalizableText("Reason_ReadOnlyFileSystem"),
        Posix.ELOOP => new LocalizableText("Reason_LinkLoop"),
        Posix.ENOENT or Posix.ENOTDIR => new LocalizableText("Reason_NotFound"),
        Posix.EIO => new LocalizableText("Reason_InputOutput"),
        Posix.EPIPE => new LocalizableText("Reason_BrokenPipe"),
        _ => fallback.TrimEnd('.'),
    };

    /// <summary>On Unix, .NET puts the errno in an IOException's HResult; access problems are their own type.</summary>
    public static object FromException(Exception exception) => exception switch
    {
        UnauthorizedAccessException => new LocalizableText("Reason_PermissionDenied"),
        FileNotFoundException or DirectoryNotFoundException => new LocalizableText("Reason_NotFound"),
        IOException io => FromErrno(io.HResult, io.Message),
        _ => exception.Message.TrimEnd('.'),
    };
}
