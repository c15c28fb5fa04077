using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Journeys;
using Reintegration.Reporting.Returnees;
using Reintegration.Reporting.Workers;

namespace Reintegration.UnitTests.Reporting;

/// <summary>What a state contributes to its read model's kept counts, read cell by cell.</summary>
public static class Counts
{
    public static Contributions Of(ReturneeJourney journey) =>
        new ReturneeReadModel().Contribute(new ReturneeFacts { Id = journey.Id, Journey = journey });

    public static Contributions OfWorker(Guid worker, params object[] events) =>
        new WorkerReadModel().Contribute(events.Aggregate((WorkerFacts?)null, (state, e) => WorkerFacts.Fold(state, worker, e)));

    public static Contributions OfActivity(Guid activity, params object[] events) =>
        new ActivityReadModel().Contribute(events.Aggregate((ActivityFacts?)null, (state, e) => ActivityFacts.Fold(state, activity, e)));

    /// <summary>An indicator's total in one period (all time by default) of one region (every region by default).</summary>
    public static decimal Total(this Contributions counts, string indicator, Grain grain = Grain.All, DateOnly? period = null, string region = Contributions.AllRegions) =>
        counts.Value(indicator, grain, period, region, "", "").N;

    /// <summary>One key of one dimension of an indicator.</summary>
    public static decimal Key(this Contributions counts, string indicator, string dimension, string key, Grain grain = Grain.All, DateOnly? period = null,
        string region = Contributions.AllRegions) =>
        counts.Value(indicator, grain, period, region, dimension, key).N;

    public static CellValue Value(this Contributions counts, string indicator, Grain grain, DateOnly? period, string region, string dimension, string key) =>
        counts.Cells.GetValueOrDefault(new CellKey(indicator, grain, period ?? grain.StartOf(Periods.AllTime), region, dimension, key));

    public static DateOnly Month(int month) => new(2026, month, 1);
}
