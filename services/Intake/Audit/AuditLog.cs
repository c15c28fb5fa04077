using Marten;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.Intake.Audit;

/// <summary>Records an identifying answer before it is sent: no record, no answer.</summary>
public sealed class AuditLog(IDocumentStore store, TimeProvider clock)
{
    public async Task RecordAsync(Caller caller, Guid returneeId, string source, string action, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(new IdentifyingRead(Guid.CreateVersion7(), clock.GetUtcNow(), caller.Subject, returneeId, source, action));
        await session.SaveChangesAsync(cancellationToken);
    }
}
