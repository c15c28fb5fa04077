using System.Globalization;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.LineList;

/// <summary>
/// One returnee as the pseudonymous line list shows them, derived from the returnee's journey as
/// the returnee read model keeps it (<see cref="Of"/>), so the line list, the journeys and the
/// indicators read one state per returnee and never disagree: the anonymous profile, the latest screening, how many of each
/// activity (each counted once by its id, as the journey keeps a fact told twice once), the
/// first and latest score per instrument, and whether the case is open. No dates finer than the
/// arrival month; nothing a person wrote.
/// </summary>
public sealed class ReturneeLine
{
    public Guid Id { get; set; }
    public bool Registered { get; set; }
    public string Sex { get; set; } = "";
    public string AgeGroup { get; set; } = "";
    public string Region { get; set; } = "";
    public string ReturnedFrom { get; set; } = "";

    /// <summary><c>YYYY-MM</c>: the exact date is a quasi-identifier the analysis does not need.</summary>
    public string ArrivalMonth { get; set; } = "";

    /// <summary>When Intake erased the returnee's personal data: the line list leaves them out from then on.</summary>
    public bool Erased { get; set; }

    public List<string> Vulnerabilities { get; set; } = [];
    public DateTimeOffset? ScreenedAt { get; set; }
    public HashSet<Guid> Sessions { get; set; } = [];
    public HashSet<Guid> GroupSessions { get; set; } = [];
    public HashSet<Guid> Workshops { get; set; } = [];
    public HashSet<Guid> Referrals { get; set; } = [];

    /// <summary>Instrument → its first and latest score by time.</summary>
    public Dictionary<string, InstrumentScores> Assessments { get; set; } = [];

    public DateTimeOffset? LastClosedAt { get; set; }
    public DateTimeOffset? LastReopenedAt { get; set; }

    /// <summary><c>closed</c> when the latest closure is later than any reopening, else <c>open</c>.</summary>
    public string CaseStatus => LastClosedAt is { } closed && (LastReopenedAt is not { } reopened || reopened < closed) ? "closed" : "open";

    /// <summary>
    /// Pure: the line of a journey. The journey keeps each kind of fact in the order told (a fact
    /// told twice once), and each field of the line depends on one kind only, so folding kind by
    /// kind gives what folding the stream in its own order gives.
    /// </summary>
    public static ReturneeLine Of(ReturneeJourney journey)
    {
        IEnumerable<object> facts =
        [
            .. journey.Registration is { } registration ? [registration] : Array.Empty<object>(),
            .. journey.Screenings, .. journey.Sessions, .. journey.GroupSessions, .. journey.Workshops, .. journey.Referrals,
            .. journey.Assessments, .. journey.Closures, .. journey.Reopenings,
            .. journey.ErasedAt is { } erasedAt ? [new ErasureReported(journey.Id, erasedAt)] : Array.Empty<object>(),
        ];
        return facts.Aggregate(new ReturneeLine { Id = journey.Id }, (line, fact) => Fold(line, journey.Id, fact));
    }

    /// <summary>Pure: the line after one more event of the journey stream; events may come in any order of time.</summary>
    public static ReturneeLine Fold(ReturneeLine? line, Guid returneeId, object @event)
    {
        var next = line ?? new ReturneeLine { Id = returneeId };
        switch (@event)
        {
            case RegistrationReported r when !next.Registered:
                next.Registered = true;
                (next.Sex, next.AgeGroup, next.Region, next.ReturnedFrom) = (r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom);
                next.ArrivalMonth = r.ArrivalDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                break;
            case ScreeningReported s when next.ScreenedAt is null || s.Time > next.ScreenedAt:
                (next.Vulnerabilities, next.ScreenedAt) = ([.. s.Vulnerabilities], s.Time);
                break;
            case CounsellingSessionReported s:
                next.Sessions.Add(s.SessionId);
                break;
            case GroupSessionAttended g:
                next.GroupSessions.Add(g.GroupSessionId);
                break;
            case WorkshopAttended w:
                next.Workshops.Add(w.WorkshopId);
                break;
            case ReferralMadeReported m:
                next.Referrals.Add(m.ReferralId);
                break;
            case AssessmentReported a:
                next.Assessments[a.Instrument] = next.Assessments.TryGetValue(a.Instrument, out var known) ? known.With(a.Time, a.Score) : InstrumentScores.Of(a.Time, a.Score);
                break;
            case CaseClosedReported c when next.LastClosedAt is null || c.Time > next.LastClosedAt:
                next.LastClosedAt = c.Time;
                break;
            case CaseReopenedReported o when next.LastReopenedAt is null || o.Time > next.LastReopenedAt:
                next.LastReopenedAt = o.Time;
                break;
            case ErasureReported:
                next.Erased = true;
                break;
        }

        return next;
    }
}

/// <summary>The earliest and the latest score of one instrument; of two at the same time, the one told first stands.</summary>
public sealed record InstrumentScores(DateTimeOffset FirstAt, int First, DateTimeOffset LatestAt, int Latest)
{
    public static InstrumentScores Of(DateTimeOffset time, int score) => new(time, score, time, score);

    public InstrumentScores With(DateTimeOffset time, int score) => this with
    {
        FirstAt = time < FirstAt ? time : FirstAt,
        First = time < FirstAt ? score : First,
        LatestAt = time > LatestAt ? time : LatestAt,
        Latest = time > LatestAt ? score : Latest,
    };
}
