using System.Diagnostics;

namespace ReportDsl.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built reportdsl as a child process: for what only a real process shows (signals, a failing standard
/// output, exit codes from Main) and for runs as an unprivileged user, which root's tests need because root reads a
/// chmod-000 folder and writes a read-only file. That user is nobody (65534), through setpriv from util-linux.
/// </summary>
internal static class CliProcess
{
    public const int Nobody = 65534;

    private static readonly Lazy<string> Binaries = new(FindBinaries);

    /// <summary>Gets whether the tests run as root.</summary>
    public static bool IsRoot => Files.Posix.IsRoot;

    /// <summary>Gets why a run as an unprivileged user is impossible here, or null when it is possible.</summary>
    public static string? WhyNoUnprivilegedUser { get; } = FindWhyNoUnprivilegedUser();

    /// <summary>Gets the folder of the CLI's assembly, readable by the unprivileged user.</summary>
    public static string Dll => Path.Combine(Binaries.Value, "ReportDsl.Cli.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, bool unprivileged = false, string? stdoutTo = null)
    {
        var command = new List<string>();
        if (unprivileged && IsRoot)
        {
            command.AddRange(["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups"]);
        }

        command.AddRange([DotnetHost(), Dll, .. args]);
        if (stdoutTo is not null)
        {
            // A redirection the test runner cannot make itself: standard output to a device such as /dev/full.
            command = ["/bin/sh", "-c", $"exec \"$@\" > {stdoutTo}", "sh", .. command];
        }

        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("REPORTDSL_DEBUG");
        return info;
    }

    /// <summary>Runs the CLI to the end and returns its exit code and what it printed.</summary>
    public static (int Exit, string Output, string Error) Run(string workingDirectory, IEnumerable<string> args, bool unprivileged = false, string? stdoutTo = null, byte[]? stdin = null)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args, unprivileged, stdoutTo)) ?? throw new InvalidOperationException("The CLI did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"reportdsl {string.Join(' ', args)} did not finish in 2 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Creates a temporary folder that the unprivileged user can enter (mode 755).</summary>
    public static string CreateFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        return folder;
    }

    /// <summary>Deletes a test folder even where a test took the permissions away.</summary>
    public static void DeleteFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }).Prepend(folder))
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_000_000);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static string? FindWhyNoUnprivilegedUser()
    {
        if (!IsRoot)
        {
            return null;
        }

        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv" }.FirstOrDefault(File.Exists);
        return setpriv is null ? "The tests run as root and setpriv (util-linux) is not installed, so nothing can run as an unprivileged user." : null;
    }

    /// <summary>
    /// The test's output folder holds the CLI (ReportDsl.Cli.dll with its runtimeconfig). When a folder above it is
    /// closed to other users, a copy goes to a folder under /tmp that the unprivileged user can read.
    /// </summary>
    private static string FindBinaries()
    {
        var folder = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        if (!IsRoot || OpenToOthers(folder))
        {
            return folder;
        }

        var copy = Path.Combine(Path.GetTempPath(), $"reportdsl-cli-bin-{Environment.ProcessId}");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target) ?? copy);
            File.Copy(file, target, overwrite: true);
        }

        foreach (var directory in Directory.EnumerateDirectories(copy, "*", SearchOption.AllDirectories).Prepend(copy))
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(copy, recursive: true);
        return copy;
    }

    private static bool OpenToOthers(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            if ((File.GetUnixFileMode(directory.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A fact that needs an unprivileged user; skipped, with the reason, only where none can be had.</summary>
internal sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        Skip = CliProcess.WhyNoUnprivilegedUser;
    }
}

/// <summary>A theory whose cases need an unprivileged user; skipped, with the reason, only where none can be had.</summary>
internal sealed class UnprivilegedTheoryAttribute : TheoryAttribute
{
    public UnprivilegedTheoryAttribute()
    {
        Skip = CliProcess.WhyNoUnprivilegedUser;
    }
}

/// <summary>A fact that only root can check (giving a file to another user); skipped, with the reason, for anyone else.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        Skip = CliProcess.IsRoot ? null : "Only root can give a file to another user, which this case needs; run the tests as root (CI does).";
    }
}
