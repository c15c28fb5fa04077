using Npgsql;

namespace Reintegration.Reporting.Indicators;

/// <summary>Reporting's own database, for the queries its read models answer with SQL.</summary>
public sealed class ReportingDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
