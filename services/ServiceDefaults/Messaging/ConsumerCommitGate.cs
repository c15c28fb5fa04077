namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Within one replica, consumers commit one batch at a time. The consumers of a service write to
/// the same streams (a returnee's registration and sessions reach Reporting together); committing
/// in turn keeps them from failing each other's batches. Replicas still may, and then retry.
/// </summary>
public sealed class ConsumerCommitGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
