using System.Runtime.CompilerServices;
using Marten;
using Npgsql;
using Reintegration.Reporting.Returnees;

namespace Reintegration.Reporting.LineList;

/// <summary>
/// Reads the line list in pages by returnee id (keyset: each page starts after the last id of the
/// one before, on the primary key's index), so an export holds one page in memory whatever the
/// number of returnees, and no query or transaction stays open while the client downloads.
/// A returnee who changes between pages is shown as they were when their page was read.
/// </summary>
public sealed class LineListReader(IDocumentStore store)
{
    public const int PageSize = 1_000;

    /// <summary>Every known returnee (registration arrived) whose personal data was not erased, in order of id.</summary>
    public async IAsyncEnumerable<ReturneeLineRow> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(ReturneeFacts)).TableName.QualifiedName;
        var serializer = store.Options.Serializer();
        var sql = $"select id, data from {table} where id > @after order by id limit {PageSize}";
        var after = Guid.Empty;
        while (true)
        {
            var page = new List<ReturneeLine>(PageSize);
            var last = after;
            await using (var connection = store.Storage.Database.CreateConnection())
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("after", after) } };
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    last = reader.GetGuid(0);
                    page.Add(ReturneeLine.Of(serializer.FromJson<ReturneeFacts>(reader, 1).Journey));
                }
            }

            foreach (var line in page.Where(l => l.Registered && !l.Erased)) yield return ReturneeLineRow.From(line);
            if (page.Count < PageSize) yield break;
            after = last;
        }
    }
}
