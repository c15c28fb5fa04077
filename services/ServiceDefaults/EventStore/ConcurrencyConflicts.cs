using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Npgsql;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// A commit that lost a race to another writer: a record, claim or stream it created exists now
/// (unique violation), or a stream moved past the version it expected (Marten's MT003). The
/// writer decides again on fresh state; it is not a fault.
/// </summary>
public static class ConcurrencyConflicts
{
    public static bool IsLostRace(Exception ex) =>
        ex is DocumentAlreadyExistsException or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException or EventStreamUnexpectedMaxEventIdException or ConcurrencyException
        || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or "MT003" }
        || ex.InnerException is { } inner && IsLostRace(inner);
}
