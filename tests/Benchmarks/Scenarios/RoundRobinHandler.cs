namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// Spreads a client's requests over the replicas of one service, the next replica for each
/// request, as a round-robin load balancer would: the client's base address is the first replica,
/// and each request is sent to the host and port whose turn it is, with the same path. Counts the
/// requests each replica was sent, for the report.
/// </summary>
public sealed class RoundRobinHandler : DelegatingHandler
{
    private readonly Uri[] _replicas;
    private readonly int[] _sent;
    private int _turn = -1;

    public RoundRobinHandler(IReadOnlyList<Uri> replicas, HttpMessageHandler inner) : base(inner)
    {
        if (replicas.Count == 0) throw new ArgumentException("At least one replica is needed.", nameof(replicas));
        _replicas = [.. replicas];
        _sent = new int[_replicas.Length];
    }

    /// <summary>Requests sent to each replica so far, by its base address.</summary>
    public IReadOnlyList<(Uri Replica, int Requests)> Sent => [.. _replicas.Select((r, i) => (r, Volatile.Read(ref _sent[i])))];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = (int)((uint)Interlocked.Increment(ref _turn) % (uint)_replicas.Length);
        var target = _replicas[index];
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        Interlocked.Increment(ref _sent[index]);
        return base.SendAsync(request, cancellationToken);
    }
}
