using System.Text;
using ReportDsl.Cli.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// The command-line samples under tests/Samples/600-cli: each folder holds command.txt (the arguments), files/ (copied
/// into a fresh folder, which is the working folder), optionally setup.txt (file-system state that git cannot hold),
/// and expected.cli.txt (exit code, standard output, standard error). The CLI runs as a real process. setup.txt lines:
/// <c>chmod MODE PATH</c>, <c>link PATH TARGET</c>, <c>fifo PATH</c>, <c>hardlink PATH EXISTING</c>,
/// <c>grow PATH BYTES</c> (pad a file with spaces to that size), <c>stdin FILE</c>, <c>stdout DEVICE</c>, and
/// <c>user nobody</c> (run as an unprivileged user).
/// </summary>
public sealed class CliSampleTests
{
    private static string Area => Path.Combine(RepoPaths.Samples, "600-cli");

    public static TheoryData<string> Cases() => Folders(unprivileged: false);

    public static TheoryData<string> UnprivilegedCases() => Folders(unprivileged: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cli_sample(string name) => RunSample(name);

    [UnprivilegedTheory]
    [MemberData(nameof(UnprivilegedCases))]
    public void Cli_sample_as_an_unprivileged_user(string name) => RunSample(name);

    private static TheoryData<string> Folders(bool unprivileged)
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Area).Order(StringComparer.Ordinal))
        {
            if (Setup(folder).Any(l => l is ["user", "nobody"]) == unprivileged)
            {
                data.Add(Path.GetFileName(folder));
            }
        }

        return data;
    }

    private static IEnumerable<string[]> Setup(string folder)
    {
        var path = Path.Combine(folder, "setup.txt");
        return File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : [];
    }

    private static void RunSample(string name)
    {
        var folder = Path.Combine(Area, name);
        var work = CliProcess.CreateFolder("reportdsl-sample-");
        try
        {
            var files = Path.Combine(folder, "files");
            if (Directory.Exists(files))
            {
                foreach (var file in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(work, Path.GetRelativePath(files, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target) ?? work);
                    File.Copy(file, target);
                }

                foreach (var directory in Directory.EnumerateDirectories(work, "*", SearchOption.AllDirectories))
                {
                    File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
                }
            }

            byte[]? stdin = null;
            string? stdout = null;
            var unprivileged = false;
            foreach (var line in Setup(folder))
            {
                switch (line)
                {
                    case ["chmod", var mode, var path]:
                        File.SetUnixFileMode(Path.Combine(work, path), (UnixFileMode)Convert.ToInt32(mode, 8));
                        break;
                    case ["link", var path, var target]:
                        File.CreateSymbolicLink(Path.Combine(work, path), target);
                        break;
                    case ["hardlink", var path, var existing]:
                        Run("ln", Path.Combine(work, existing), Path.Combine(work, path));
                        break;
                    case ["fifo", var path]:
                        Run("mkfifo", Path.Combine(work, path));
                        break;
                    case ["stdin", var path]:
                        stdin = File.ReadAllBytes(Path.Combine(folder, path));
                        break;
                    case ["grow", var path, var size]:
                        Grow(Path.Combine(work, path), long.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case ["stdout", var device]:
                        stdout = device;
                        break;
                    case ["user", "nobody"]:
                        unprivileged = true;
                        break;
                    default:
                        throw new InvalidOperationException($"{name}/setup.txt: unknown line \"{string.Join(' ', line)}\".");
                }
            }

            var args = File.ReadAllText(Path.Combine(folder, "command.txt")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            var (exit, output, error) = CliProcess.Run(work, args, unprivileged, stdout, stdin);
            var text = new StringBuilder()
                .Append("exit ").Append(exit).Append('\n')
                .Append("--- stdout\n").Append(output)
                .Append("--- stderr\n").Append(error)
                .ToString();
            Baseline.Match(Path.Combine(folder, "expected.cli.txt"), text);
            foreach (var file in Directory.EnumerateFiles(work, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                throw new Xunit.Sdk.XunitException($"{name} left a temporary file behind: {file}");
            }
        }
        finally
        {
            CliProcess.DeleteFolder(work);
        }
    }

    /// <summary>
    /// Pads a file with spaces up to a size: an input over a size limit (16 M characters of spec, 64 MB of report
    /// data) is a small file in the repository and made large only in the sample's temporary folder.
    /// </summary>
    private static void Grow(string path, long size)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write);
        var spaces = new byte[1 << 20];
        Array.Fill(spaces, (byte)' ');
        while (file.Length < size)
        {
            file.Write(spaces, 0, (int)Math.Min(spaces.Length, size - file.Length));
        }
    }

    private static void Run(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(program, args);
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', args)}");
    }
}
