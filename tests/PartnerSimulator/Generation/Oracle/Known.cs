namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// The facts indexed the way the counting rules look them up: a returnee counts in
/// returnee-based indicators only once registered, with the region, sex and age group of the
/// registration, and the vulnerabilities of the latest screening by time.
/// </summary>
internal sealed class Known
{
    private readonly Dictionary<Guid, ReturneeFact> _registered;
    private readonly Dictionary<Guid, ScreeningFact> _latestScreening;
    private readonly Dictionary<(Guid, Guid), string> _outcomes;
    private readonly Dictionary<Guid, TrainingFact> _trainings;

    public Known(ProgrammeFacts facts)
    {
        Facts = facts;
        _registered = facts.Returnees.DistinctBy(r => r.Id).ToDictionary(r => r.Id);
        // Of two screenings at the same second, the later in the programme wins, as the later posted would.
        _latestScreening = facts.Screenings
            .Select((s, order) => (Screening: s, Order: order))
            .GroupBy(x => x.Screening.ReturneeId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Screening.Time).ThenBy(x => x.Order).Last().Screening);
        _outcomes = facts.ReferralClosures
            .GroupBy(c => (c.ReturneeId, c.ReferralId))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Time).First().Outcome);
        _trainings = facts.Trainings.DistinctBy(t => t.Id).ToDictionary(t => t.Id);
    }

    public ProgrammeFacts Facts { get; }

    /// <summary>The returnee's registration, or null while it is not known.</summary>
    public ReturneeFact? Registered(Guid returnee) => _registered.GetValueOrDefault(returnee);

    /// <summary>Registered, and in the query's region (the returnee's, from the registration).</summary>
    public bool InRegion(Guid returnee, IndicatorQuery query) => Registered(returnee) is { } r && query.InRegion(r.Region);

    public ScreeningFact? LatestScreening(Guid returnee) => _latestScreening.GetValueOrDefault(returnee);

    /// <summary>The referral's outcome, or null while it is open.</summary>
    public string? Outcome(ReferralFact referral) => _outcomes.GetValueOrDefault((referral.ReturneeId, referral.ReferralId));

    public TrainingFact? Training(Guid id) => _trainings.GetValueOrDefault(id);
}
