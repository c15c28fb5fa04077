using Npgsql;

namespace Reintegration.Reporting.Indicators;

/// <summary>Reporting's own connections to its database, for what Marten's sessions do not do: the indicator queries, the rebuilds' COPY.</summary>
public sealed class ReportingDatabase(string connectionString) : IAsyncDisposable
{
    /// <summary>
    /// Each COPY stream of a rebuild sends gigabytes over loopback; with Npgsql's default 8 KiB
    /// write buffer about a fifth of the rebuild's CPU (22 % of a profile's samples) went on socket sends, one per 8 KiB.
    /// </summary>
    private const int BulkWriteBufferBytes = 256 * 1024;

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    /// <summary>Connections for bulk writes (a rebuild's COPY), with a larger write buffer.</summary>
    public NpgsqlDataSource Bulk { get; } = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { WriteBufferSize = BulkWriteBufferBytes }.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Bulk.DisposeAsync();
    }
}
