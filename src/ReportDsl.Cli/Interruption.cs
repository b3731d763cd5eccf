using System.Runtime.InteropServices;
using ReportDsl.Cli.Files;

namespace ReportDsl.Cli;

/// <summary>
/// SIGINT and SIGTERM. A batch (validate, check, fmt) that has said it can stop asks for the token and stops after the
/// current file, closing its output validly; any other command, or a second signal, stops at once, after a file being
/// renamed into place is in place and with every temporary file removed. Either way the exit code is 130.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private static volatile bool _graceful;
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    private Interruption()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _source.Token;

    public static Interruption Listen() => new();

    /// <summary>Tells the handler that the running command checks the token between files.</summary>
    public static void StopsGracefully() => _graceful = true;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_graceful && !_source.IsCancellationRequested)
        {
            _source.Cancel();
            return;
        }

        SafeFileWriter.WhileNoRename(() =>
        {
            SafeFileWriter.AbandonAll();
            Environment.Exit(ExitCodes.Interrupted);
        });
    }
}
