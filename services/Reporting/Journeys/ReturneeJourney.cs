namespace Reintegration.Reporting.Journeys;

/// <summary>
/// Everything Reporting knows of one returnee, without names, contact details or free text: the
/// anonymous profile from the registration (null until it arrives) and each fact in the order
/// told, each with the time it happened in the field. Erasure at Intake removes nothing here:
/// nothing here identifies the returnee, and their anonymous counts stay.
/// </summary>
public sealed partial class ReturneeJourney
{
    /// <summary>Every event of a journey stream, as <see cref="Fold"/> knows them (a property: the partial parts' fields initialise in no set order).</summary>
    public static IReadOnlyList<Type> EventTypes =>
    [
        typeof(RegistrationReported), typeof(CounsellingSessionReported), typeof(AwarenessEventAttended), typeof(ConsentChangeReported),
        typeof(ScreeningReported), typeof(PlanAgreedReported), typeof(SurveyReported), typeof(CaseClosedReported), typeof(CaseReopenedReported),
        typeof(ErasureReported), .. CounsellingEventTypes, typeof(WorkshopAttended),
    ];

    public Guid Id { get; set; }
    public RegistrationReported? Registration { get; set; }
    public List<CounsellingSessionReported> Sessions { get; set; } = [];
    public List<AwarenessEventAttended> AwarenessEvents { get; set; } = [];
    public List<ConsentChangeReported> ConsentChanges { get; set; } = [];
    public List<ScreeningReported> Screenings { get; set; } = [];
    public List<PlanAgreedReported> Plans { get; set; } = [];
    public List<SurveyReported> Surveys { get; set; } = [];
    public List<CaseClosedReported> Closures { get; set; } = [];
    public List<CaseReopenedReported> Reopenings { get; set; } = [];
    public List<WorkshopAttended> Workshops { get; set; } = [];

    /// <summary>When Intake erased the returnee's personal data; null while not known.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public bool Registered => Registration is not null;

    public bool Erased => ErasedAt is not null;

    /// <summary>Pure: the journey after one more event of its stream. A fact told twice is kept once.</summary>
    public static ReturneeJourney Fold(ReturneeJourney? journey, Guid returneeId, object @event)
    {
        var next = journey ?? new ReturneeJourney { Id = returneeId };
        if (FoldCounselling(next, @event)) return next;
        switch (@event)
        {
            case RegistrationReported registration:
                next.Registration ??= registration;
                break;
            case CounsellingSessionReported session when next.Sessions.All(s => s.SessionId != session.SessionId):
                next.Sessions.Add(session);
                break;
            case AwarenessEventAttended attended when next.AwarenessEvents.All(a => a.AwarenessEventId != attended.AwarenessEventId):
                next.AwarenessEvents.Add(attended);
                break;
            case ConsentChangeReported consent when !next.ConsentChanges.Contains(consent):
                next.ConsentChanges.Add(consent);
                break;
            case ScreeningReported screening when !next.Screenings.Any(s => s.Time == screening.Time && s.UrgentCareNeeded == screening.UrgentCareNeeded
                                                                             && s.Vulnerabilities.SequenceEqual(screening.Vulnerabilities)):
                next.Screenings.Add(screening);
                break;
            case PlanAgreedReported plan when !next.Plans.Any(p => p.Time == plan.Time && p.Dimensions.SequenceEqual(plan.Dimensions)):
                next.Plans.Add(plan);
                break;
            case SurveyReported survey when !next.Surveys.Contains(survey):
                next.Surveys.Add(survey);
                break;
            case CaseClosedReported closed when !next.Closures.Contains(closed):
                next.Closures.Add(closed);
                break;
            case CaseReopenedReported reopened when !next.Reopenings.Contains(reopened):
                next.Reopenings.Add(reopened);
                break;
            case WorkshopAttended workshop when next.Workshops.All(w => w.WorkshopId != workshop.WorkshopId):
                next.Workshops.Add(workshop);
                break;
            case ErasureReported erased when next.ErasedAt is null || erased.Time < next.ErasedAt:
                next.ErasedAt = erased.Time;
                break;
        }

        return next;
    }
}
