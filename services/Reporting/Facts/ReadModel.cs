using JasperFx.Events;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Facts;

/// <summary>A state a read model keeps per subject (a returnee, a worker, an activity), stored as a Marten document.</summary>
public interface IFactState
{
    Guid Id { get; }
}

/// <summary>One indicator a read model contributes: how it is defined, and what one state adds to it.</summary>
public interface IIndicatorSlice<in TState>
{
    IndicatorDefinition Definition { get; }

    /// <summary>Pure: what <paramref name="state"/> adds to this indicator's cells (and hits, for distinct people).</summary>
    void Contribute(TState state, Contributions into);
}

/// <summary>
/// A read model of Reporting's log: which subjects an event concerns, how a subject's state
/// folds, which indicators it contributes to and which BI rows it shows. Its tables are named
/// after it (<see cref="ReadModelTables"/>); the async daemon runs it as one projection.
/// </summary>
public abstract class ReadModel<TState> : IIndicatorSource, Rebuilds.IRebuildableReadModel where TState : class, IFactState
{
    public Rebuilds.IReadModelRebuild RebuildWith(IServiceProvider services) => new Rebuilds.ReadModelRebuild<TState>(
        this, services.GetRequiredService<Marten.IDocumentStore>(), services.GetRequiredService<ReportingDatabase>(), services.GetRequiredService<Rebuilds.LogReader>());

    /// <summary>The projection's name and the prefix of its tables.</summary>
    public abstract string Name { get; }

    public abstract IReadOnlyList<IIndicatorSlice<TState>> Indicators { get; }

    public ReadModelTables Tables => new(Name);

    public IReadOnlyList<IndicatorDefinition> Definitions => [.. Indicators.Select(i => i.Definition)];

    /// <summary>The subjects <paramref name="e"/> is about (none when this read model ignores it).</summary>
    public abstract IEnumerable<Guid> SubjectsOf(IEvent e);

    /// <summary>The event types <see cref="SubjectsOf"/> finds subjects in: a rebuild reads only these from the log.</summary>
    public abstract IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>
    /// True when every event is about its own stream only (<see cref="SubjectsOf"/> is the stream
    /// or nothing): a rebuild that reads the log stream by stream can then finish each subject
    /// when its stream ends, holding one in memory instead of all.
    /// </summary>
    public virtual bool SubjectsAreStreams => false;

    /// <summary>Pure: the subject's state after one more event about it.</summary>
    public abstract TState Evolve(TState? state, Guid subject, IEvent e);

    /// <summary>Pure: the BI rows the state shows.</summary>
    protected abstract void ContributeRows(TState state, Contributions into);

    /// <summary>Pure: everything the state contributes; nothing before it exists.</summary>
    public Contributions Contribute(TState? state) => Contribute(state, new Contributions());

    /// <summary>
    /// The same into <paramref name="into"/>, emptied first: a rebuild reuses one per writer, so
    /// millions of states do not each grow four new dictionaries from nothing.
    /// </summary>
    public Contributions Contribute(TState? state, Contributions into)
    {
        into.Clear();
        if (state is null) return into;
        foreach (var indicator in Indicators) indicator.Contribute(state, into);
        ContributeRows(state, into);
        return into;
    }
}

/// <summary>
/// The tables of one read model in Reporting's schema: the cells (counts kept per indicator,
/// period, region and key), the hits (a person's days, for distinct counts over any window) and
/// the rows (one JSON object per fact, behind the BI views). A rebuild writes a second set,
/// <see cref="Next"/>, that takes the place of the first when it has caught up.
/// </summary>
public sealed record ReadModelTables(string Name, string Suffix = "")
{
    public const string Schema = "reporting";

    public string Cells => $"{Schema}.{Name}_cells{Suffix}";

    public string Hits => $"{Schema}.{Name}_hits{Suffix}";

    public string Rows => $"{Schema}.{Name}_rows{Suffix}";

    /// <summary>The tables a rebuild fills while these keep answering.</summary>
    public ReadModelTables Next => this with { Suffix = Rebuilds.ShadowTables.NextSuffix };
}
