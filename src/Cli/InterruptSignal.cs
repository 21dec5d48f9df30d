using System.Runtime.InteropServices;

namespace SyntheticData.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into the cancellation of <see cref="Token"/> instead of the end of the process,
/// so that a long command stops at its next check and removes what it had staged. Without it, the runtime ends the
/// process on the signal at once, and a partial staging file stayed behind.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _interrupt = new();
    private readonly CancellationTokenSource _linked;
    private readonly PosixSignalRegistration[] _registrations;

    /// <summary>Starts catching the signals; <paramref name="outer"/> cancels the token too.</summary>
    public InterruptSignal(CancellationToken outer)
    {
        _linked = CancellationTokenSource.CreateLinkedTokenSource(outer, _interrupt.Token);
        _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    /// <summary>Cancelled when a signal arrives or the outer token is cancelled.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Stops catching the signals, so a later one ends the process as usual.</summary>
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _linked.Dispose();
        _interrupt.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        _interrupt.Cancel();
    });
}
