using Reintegration.Counselling.Records;

namespace Reintegration.Counselling.RiskFlags;

/// <summary>
/// A risk flag is followed up by the first session or assessment of the returnee dated after it,
/// whatever order they arrive in: a contact synced before the assessment that raised the flag
/// follows it up the moment the flag is raised, and a late-synced contact dated between a flag
/// and its follow-up so far becomes the follow-up. Pure.
/// </summary>
public static class FollowUps
{
    public const string BySession = "session";
    public const string ByAssessment = "assessment";

    /// <summary>The follow-ups a new contact at <paramref name="time"/> makes: every flag raised before it not yet followed up by then.</summary>
    public static IEnumerable<RiskFlagFollowedUp> OfContact(CounsellingRecord? record, Guid returnee, DateTimeOffset time, string by) =>
        (record?.Flags.Values ?? Enumerable.Empty<RiskFlag>())
            .Where(f => f.RaisedAt < time && (f.FollowedUpAt is null || time < f.FollowedUpAt))
            .OrderBy(f => f.RaisedAt)
            .Select(f => new RiskFlagFollowedUp(returnee, f.AssessmentId, f.RaisedAt, time, by));

    /// <summary>The follow-up of a flag raised at <paramref name="raisedAt"/> by a contact already recorded after it; null when none is.</summary>
    public static RiskFlagFollowedUp? OfNewFlag(CounsellingRecord? record, Guid returnee, Guid assessmentId, DateTimeOffset raisedAt) =>
        (record?.Contacts ?? []).Where(c => c.Time > raisedAt).OrderBy(c => c.Time).Select(c => (Contact: c, Found: true)).FirstOrDefault() is { Found: true } first
            ? new RiskFlagFollowedUp(returnee, assessmentId, raisedAt, first.Contact.Time, first.Contact.By)
            : null;
}
