namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// Training's indicators, each in the activity's own region: a training's, an awareness event's,
/// a workshop's; a certification's is that of the training it names.
/// </summary>
internal static class TrainingIndicators
{
    private sealed record Trained(TrainingFact Training, TraineeFact Trainee);

    /// <summary>
    /// Distinct workers who completed a training in the window. A cell counts the workers with a
    /// completed training of that key, so a worker trained in two courses counts once in the
    /// whole and once under each course.
    /// </summary>
    public static ExpectedIndicator WorkersTrained(Known known, IndicatorQuery query) =>
        Tally.Distinct(IndicatorCodes.WorkersTrained, Completed(known, query), x => x.Trainee.WorkerId,
            Dimension<Trained>.One("role", x => x.Trainee.Role),
            Dimension<Trained>.One("sex", x => x.Trainee.Sex),
            Dimension<Trained>.One("region", x => x.Training.Region),
            Dimension<Trained>.One("course", x => x.Training.Course));

    /// <summary>The mean of post − pre over completed participations with both scores (a worker in two trainings counts twice).</summary>
    public static ExpectedIndicator KnowledgeGain(Known known, IndicatorQuery query) =>
        Tally.Mean(IndicatorCodes.KnowledgeGain,
            Completed(known, query).Where(x => x.Trainee is { PreTestScore: not null, PostTestScore: not null }),
            x => x.Trainee.PostTestScore!.Value - x.Trainee.PreTestScore!.Value,
            Dimension<Trained>.One("course", x => x.Training.Course));

    /// <summary>Distinct workers certified in the window (by the certification's time).</summary>
    public static ExpectedIndicator WorkersCertified(Known known, IndicatorQuery query) =>
        Tally.Distinct(IndicatorCodes.WorkersCertified,
            known.Facts.Certifications.Where(c => query.InWindow(c.Time) && (query.Region is null || known.Training(c.TrainingId)?.Region == query.Region)),
            c => c.WorkerId,
            Dimension<CertificationFact>.One("course", c => c.Course));

    public static ExpectedIndicator AwarenessEvents(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.AwarenessEvents, Awareness(known, query),
            Dimension<AwarenessEventFact>.One("kind", a => a.Kind),
            Dimension<AwarenessEventFact>.One("region", a => a.Region));

    public static ExpectedIndicator PeopleReached(Known known, IndicatorQuery query) =>
        Tally.Sum(IndicatorCodes.PeopleReached, Awareness(known, query), a => a.PeopleReached,
        [
            ("group", a => [("women", a.Women), ("men", a.Men), ("girls", a.Girls), ("boys", a.Boys)]),
            ("region", a => [(a.Region, a.PeopleReached)]),
        ]);

    public static ExpectedIndicator Workshops(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.Workshops,
            known.Facts.Workshops.Where(w => query.InWindow(w.Time) && query.InRegion(w.Region)),
            Dimension<WorkshopFact>.One("kind", w => w.Kind),
            Dimension<WorkshopFact>.One("region", w => w.Region));

    private static IEnumerable<Trained> Completed(Known known, IndicatorQuery query) =>
        known.Facts.Trainings
            .Where(t => query.InWindow(t.Time) && query.InRegion(t.Region))
            .SelectMany(t => t.Participants.Where(p => p.Completed).Select(p => new Trained(t, p)));

    private static IEnumerable<AwarenessEventFact> Awareness(Known known, IndicatorQuery query) =>
        known.Facts.AwarenessEvents.Where(a => query.InWindow(a.Time) && query.InRegion(a.Region));
}
