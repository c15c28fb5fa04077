namespace Reintegration.PartnerSimulator.Generation;

/// <summary>The catalogue's indicator codes (<c>GET /indicators</c>), in the catalogue's order.</summary>
public static class IndicatorCodes
{
    public const string ReturneesRegistered = "returnees-registered";
    public const string ReturneesReached = "returnees-reached";
    public const string CounsellingSessions = "counselling-sessions";
    public const string GroupSessions = "group-sessions";
    public const string Assessments = "assessments";
    public const string WellbeingImproved = "wellbeing-improved";
    public const string RiskFlags = "risk-flags";
    public const string Referrals = "referrals";
    public const string WorkersTrained = "workers-trained";
    public const string KnowledgeGain = "knowledge-gain";
    public const string WorkersCertified = "workers-certified";
    public const string AwarenessEvents = "awareness-events";
    public const string PeopleReached = "people-reached";
    public const string Workshops = "workshops";
    public const string CasesClosed = "cases-closed";

    /// <summary>All fifteen, in the catalogue's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ReturneesRegistered, ReturneesReached, CounsellingSessions, GroupSessions, Assessments, WellbeingImproved, RiskFlags,
        Referrals, WorkersTrained, KnowledgeGain, WorkersCertified, AwarenessEvents, PeopleReached, Workshops, CasesClosed,
    ];

    /// <summary>The five headline indicators, in the order the console prints them.</summary>
    public static IReadOnlyList<string> Headline { get; } =
        [ReturneesRegistered, ReturneesReached, CounsellingSessions, AwarenessEvents, PeopleReached];
}
