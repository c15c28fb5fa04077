using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace Reintegration.Reporting.Facts;

/// <summary>The tables of a read model, created and migrated by Marten with the rest of the schema.</summary>
public static class ReadModelSchema
{
    /// <summary>Registers the read model's tables with Marten's migrations and its projection with the async daemon.</summary>
    public static void AddReadModel<TState>(this StoreOptions store, ReadModel<TState> model) where TState : class, IFactState
    {
        foreach (var table in Tables(model.Tables)) store.Storage.ExtendedSchemaObjects.Add(table);
        store.Schema.For<TState>().DatabaseSchemaName(ReadModelTables.Schema);
        store.Projections.Add(new FactsProjection<TState>(model), JasperFx.Events.Projections.ProjectionLifecycle.Async, model.Name, options =>
        {
            // Large pages: each cell is written once a page, so the more events a page holds the fewer writes per event.
            options.BatchSize = 5_000;
            // A rebuild starts from nothing: the states and every table the projection writes.
            options.DeleteViewTypeOnTeardown<TState>();
            options.DeleteDataInTableOnTeardown(model.Tables.Cells);
            options.DeleteDataInTableOnTeardown(model.Tables.Hits);
            options.DeleteDataInTableOnTeardown(model.Tables.Rows);
        });
        // The daemon loads only the event types the read model reads, as a rebuild does, instead
        // of every page of the log for each read model. The filter belongs to the source Marten
        // wraps the projection in (a filter on the projection itself is not read).
        var source = store.Projections.All.OfType<ProjectionWrapper<IDocumentOperations, IQuerySession>>().Single(s => s.Inner is FactsProjection<TState>);
        foreach (var type in model.EventTypes) source.IncludeType(type);
    }

    private static IEnumerable<ISchemaObject> Tables(ReadModelTables tables)
    {
        var cells = new Table(tables.Cells);
        cells.AddColumn("indicator", "text").AsPrimaryKey();
        cells.AddColumn("grain", "text").AsPrimaryKey();
        cells.AddColumn("period", "date").AsPrimaryKey();
        cells.AddColumn("region", "text").AsPrimaryKey();
        cells.AddColumn("dimension", "text").AsPrimaryKey();
        cells.AddColumn("key", "text").AsPrimaryKey();
        cells.AddColumn("n", "numeric").NotNull().DefaultValueByExpression("0");
        cells.AddColumn("d", "bigint").NotNull().DefaultValueByExpression("0");
        // The first and last month with data, for a series over an open window.
        cells.Indexes.Add(new IndexDefinition($"ix_{tables.Name}_cells_grain_period") { Columns = ["grain", "period"] });
        yield return cells;

        var hits = new Table(tables.Hits);
        hits.AddColumn("indicator", "text").AsPrimaryKey();
        hits.AddColumn("person", "uuid").AsPrimaryKey();
        hits.AddColumn("day", "date").AsPrimaryKey();
        hits.AddColumn("region", "text").AsPrimaryKey();
        hits.AddColumn("keys", "text[]").NotNull();
        // Exact distinct counts over an arbitrary window read a day range of one indicator.
        hits.Indexes.Add(new IndexDefinition($"ix_{tables.Name}_hits_window") { Columns = ["indicator", "day", "region"], IncludeColumns = ["person"] });
        yield return hits;

        var rows = new Table(tables.Rows);
        rows.AddColumn("fact", "text").AsPrimaryKey();
        rows.AddColumn("key", "text").AsPrimaryKey();
        rows.AddColumn("body", "jsonb").NotNull();
        yield return rows;
    }
}
