using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Workers;

/// <summary><c>knowledge-gain</c>: mean of post minus pre test score over completed participants with both, in the training's region.</summary>
public sealed class KnowledgeGain : IIndicatorSlice<WorkerFacts>
{
    public IndicatorDefinition Definition { get; } = new("knowledge-gain", FigureKind.Mean, Counting.Additive, "course");

    public void Contribute(WorkerFacts state, Contributions into)
    {
        foreach (var t in state.Completed)
            if (t is { PreTestScore: { } pre, PostTestScore: { } post })
                into.Add(Definition.Code, Periods.DayOf(t.Time), t.Region, post - pre, 1, ("course", t.Course));
    }
}
