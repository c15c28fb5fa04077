namespace Reintegration.Reporting.Facts;

/// <summary>One statement with its parameters in order, written <c>?</c> in the SQL as Marten's <c>QueueSqlCommand</c> takes them.</summary>
public sealed record WriteStatement(string Sql, params object[] Parameters)
{
    /// <summary>The SQL with Npgsql's positional placeholders (<c>$1</c>, <c>$2</c>…): the statements hold no other <c>?</c>.</summary>
    public string PositionalSql()
    {
        var n = 0;
        return string.Concat(Sql.Select(c => c == '?' ? $"${++n}" : c.ToString()));
    }
}

/// <summary>
/// Writes a page's <see cref="ContributionChanges"/> as at most five statements whatever its size:
/// cells incremented by upsert, hits and rows upserted, and those no longer contributed deleted.
/// Arrays are passed as parameters and unnested, so no value is ever part of the SQL text.
/// </summary>
public static class ContributionWriter
{
    public static IEnumerable<WriteStatement> Statements(ReadModelTables tables, ContributionChanges changes)
    {
        if (changes.CellDeltas is { Count: > 0 } deltas)
        {
            var cells = deltas.ToList();
            yield return new WriteStatement(
                $"""
                 insert into {tables.Cells} as c (indicator, grain, period, region, dimension, key, n, d)
                 select * from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::bigint[])
                 on conflict (indicator, grain, period, region, dimension, key) do update set n = c.n + excluded.n, d = c.d + excluded.d
                 """,
                cells.Select(c => c.Key.Indicator).ToArray(), cells.Select(c => c.Key.Grain.Code()).ToArray(),
                cells.Select(c => c.Key.Period).ToArray(), cells.Select(c => c.Key.Region).ToArray(),
                cells.Select(c => c.Key.Dimension).ToArray(), cells.Select(c => c.Key.Key).ToArray(),
                cells.Select(c => c.Value.N).ToArray(), cells.Select(c => c.Value.D).ToArray());
        }

        if (changes.HitsToRemove.Count > 0)
        {
            var gone = changes.HitsToRemove.ToList();
            yield return new WriteStatement(
                $"""
                 delete from {tables.Hits} h using unnest(?::text[], ?::uuid[], ?::date[], ?::text[]) as g(indicator, person, day, region)
                 where h.indicator = g.indicator and h.person = g.person and h.day = g.day and h.region = g.region
                 """,
                gone.Select(h => h.Indicator).ToArray(), gone.Select(h => h.Person).ToArray(), gone.Select(h => h.Day).ToArray(), gone.Select(h => h.Region).ToArray());
        }

        if (changes.HitsToWrite.Count > 0)
        {
            var hits = changes.HitsToWrite.ToList();
            // Keys travel as one text each (joined by a unit separator) since unnest flattens arrays of arrays.
            yield return new WriteStatement(
                $"""
                 insert into {tables.Hits} (indicator, person, day, region, keys)
                 select indicator, person, day, region, string_to_array(keys, chr(31)) from unnest(?::text[], ?::uuid[], ?::date[], ?::text[], ?::text[]) as h(indicator, person, day, region, keys)
                 on conflict (indicator, person, day, region) do update set keys = excluded.keys
                 """,
                hits.Select(h => h.Key.Indicator).ToArray(), hits.Select(h => h.Key.Person).ToArray(), hits.Select(h => h.Key.Day).ToArray(),
                hits.Select(h => h.Key.Region).ToArray(), hits.Select(h => string.Join('\u001f', h.Value)).ToArray());
        }

        if (changes.RowsToRemove.Count > 0)
        {
            var gone = changes.RowsToRemove.ToList();
            yield return new WriteStatement(
                $"delete from {tables.Rows} r using unnest(?::text[], ?::text[]) as g(fact, key) where r.fact = g.fact and r.key = g.key",
                gone.Select(r => r.Fact).ToArray(), gone.Select(r => r.Key).ToArray());
        }

        if (changes.RowsToWrite.Count > 0)
        {
            var rows = changes.RowsToWrite.ToList();
            yield return new WriteStatement(
                $"""
                 insert into {tables.Rows} (fact, key, body) select fact, key, body::jsonb from unnest(?::text[], ?::text[], ?::text[]) as r(fact, key, body)
                 on conflict (fact, key) do update set body = excluded.body
                 """,
                rows.Select(r => r.Key.Fact).ToArray(), rows.Select(r => r.Key.Key).ToArray(), rows.Select(r => r.Value).ToArray());
        }
    }
}
