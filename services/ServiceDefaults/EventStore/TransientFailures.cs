using System.Net.Sockets;
using Npgsql;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// A failure that passes by itself: the database unreachable or restarting, a timeout, a commit
/// that lost a race. The same work succeeds later as it is; it says nothing about the work.
/// </summary>
public static class TransientFailures
{
    public static bool Is(Exception ex) =>
        ConcurrencyConflicts.IsLostRace(ex)
        || ex is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
        || ex is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown }
        || ex.InnerException is { } inner && Is(inner);
}
