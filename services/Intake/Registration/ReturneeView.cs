using Reintegration.Intake.Cases;

namespace Reintegration.Intake.Registration;

/// <summary>
/// A returnee as the desk reads them: the pseudonymous profile and the case for anyone with
/// <c>returnees:read</c>, and <see cref="Identity"/> only where the sharing rule allows.
/// <see cref="Disclosure"/> says which of the two the answer is. Free text (plan goal
/// descriptions, the reopening reason) is shown only in the identifying view: it may name people.
/// </summary>
public sealed record ReturneeView(Guid Id, string Disclosure, ReturneeProfile Profile, ReturneeIdentity? Identity, CaseView Case)
{
    public const string Identifying = "identifying";
    public const string Pseudonymous = "pseudonymous";

    /// <param name="identity">The opened identifying data, when the caller may see it (null: the pseudonymous view).</param>
    public static ReturneeView From(ReturneeCase c, ReturneeIdentityData? identity)
    {
        // Nobody sees the identity of a returnee who withdrew consent.
        if (c.Erased is not null) identity = null;
        var r = c.Registration;
        var profile = new ReturneeProfile(r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ArrivalDate, r.ReturnType, c.Consent, r.Time);
        var shown = identity is { Person: var p }
            ? new ReturneeIdentity(p.GivenName, p.FamilyName, p.DateOfBirth, p.StatedAge, r.AgeAtArrival, p.Phone, p.Commune, identity.PartnerReference, r.Source)
            : null;
        return new ReturneeView(c.Id, shown is null ? Pseudonymous : Identifying, profile, shown, CaseView.From(c, identifying: shown is not null));
    }
}

/// <summary>What may be shown without the returnee's consent to share: nothing that names or locates them. <c>consent</c> is as it now stands.</summary>
public sealed record ReturneeProfile(
    string Sex, string AgeGroup, string Region, string ReturnedFrom, DateOnly ArrivalDate, string ReturnType, ConsentGiven Consent,
    DateTimeOffset RegisteredAt);

/// <summary>Identifying data: names, date of birth or age, phone, commune and the partner's own reference.</summary>
public sealed record ReturneeIdentity(
    string GivenName, string FamilyName, DateOnly? DateOfBirth, int? Age, int AgeAtArrival, string? Phone, string? Commune,
    string PartnerReference, string RegisteredBy);

/// <summary>
/// The case: <c>status</c> <c>open</c> or <c>closed</c> (with the closure's reason and time),
/// when consent to data processing was withdrawn, the latest screening and survey by time, and
/// the current plan.
/// </summary>
public sealed record CaseView(
    string Status, ClosureView? Closure, ReopeningView? Reopening, DateTimeOffset? ErasedAt,
    ScreeningView? Screening, PlanView? Plan, SurveyView? Survey)
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static CaseView From(ReturneeCase c, bool identifying) => new(
        c.IsClosed ? Closed : Open,
        c.Closure is { } closed ? new ClosureView(closed.Reason, closed.Time) : null,
        c.Reopening is { } reopened ? new ReopeningView(reopened.Time, identifying ? reopened.Reason : null) : null,
        c.Erased?.Time,
        c.LatestScreening is { } s ? new ScreeningView(s.Vulnerabilities, s.UrgentCareNeeded, s.Time) : null,
        c.CurrentPlan is { } p ? new PlanView(p.Time, p.Goals.Select(g => new GoalView(g.Dimension, identifying ? g.Description : null)).ToList()) : null,
        c.LatestSurvey is { } v ? new SurveyView(v.Economic, v.Social, v.Psychosocial, v.Composite, v.Time) : null);
}

public sealed record ClosureView(string Reason, DateTimeOffset ClosedAt);

public sealed record ReopeningView(DateTimeOffset ReopenedAt, string? Reason);

public sealed record ScreeningView(IReadOnlyList<string> Vulnerabilities, bool UrgentCareNeeded, DateTimeOffset ScreenedAt);

public sealed record PlanView(DateTimeOffset AgreedAt, IReadOnlyList<GoalView> Goals);

public sealed record GoalView(string Dimension, string? Description);

public sealed record SurveyView(decimal Economic, decimal Social, decimal Psychosocial, decimal Composite, DateTimeOffset RecordedAt);
