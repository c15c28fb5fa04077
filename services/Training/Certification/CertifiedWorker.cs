using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Training.Certification;

/// <summary>A worker's certificates, on the worker's own stream (the subject of a certification).</summary>
public sealed record CertifiedWorker(Guid Id) : IStreamState<CertifiedWorker>
{
    public long Version { get; set; }

    public IReadOnlyList<WorkerCertified> Certificates { get; init; } = [];

    public bool CertifiedFor(string course) => Certificates.Any(c => c.Course == course);

    public static CertifiedWorker? Fold(CertifiedWorker? state, Guid streamId, object @event) => @event switch
    {
        WorkerCertified c => (state ?? new CertifiedWorker(streamId)) is var s && s.CertifiedFor(c.Course) ? s : s with { Certificates = [.. s.Certificates, c] },
        _ => state,
    };
}
