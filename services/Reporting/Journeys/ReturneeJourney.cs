namespace Reintegration.Reporting.Journeys;

/// <summary>
/// Everything Reporting knows of one returnee, without names or contact details: the anonymous
/// profile from the registration (null until it arrives) and each activity in the order told.
/// </summary>
public sealed class ReturneeJourney
{
    public Guid Id { get; set; }
    public RegistrationReported? Registration { get; set; }
    public List<CounsellingSessionReported> Sessions { get; set; } = [];
    public List<AwarenessEventAttended> AwarenessEvents { get; set; } = [];

    public bool Registered => Registration is not null;

    /// <summary>Pure: the journey after one more event of its stream.</summary>
    public static ReturneeJourney Fold(ReturneeJourney? journey, Guid returneeId, object @event)
    {
        var next = journey ?? new ReturneeJourney { Id = returneeId };
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
        }

        return next;
    }
}
