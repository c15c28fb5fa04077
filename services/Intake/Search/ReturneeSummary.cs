using JasperFx.Events;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Intake.Search;

/// <summary>
/// A returnee as desk search filters them: pseudonymous facts only (no name, no partner reference,
/// nothing the key store would need to erase), kept by <see cref="ReturneeSummaryWriter"/>.
/// </summary>
public sealed record ReturneeSummary(
    Guid Id, string Sex, string AgeGroup, string Region, string ReturnedFrom, DateOnly ArrivalDate, string ReturnType, DateTimeOffset RegisteredAt)
{
    public string Status { get; init; } = CaseView.Open;
    public IReadOnlyList<string> Vulnerabilities { get; init; } = [];
    public DateTimeOffset? ScreenedAt { get; init; }
    public bool Erased { get; init; }
}

/// <summary>Keeps the summaries from the returnee's own stream, run by the async daemon (<see cref="ReadModels.DeskReadModels"/>).</summary>
public sealed class ReturneeSummaryWriter : FoldedDocuments<ReturneeSummary>
{
    protected override Guid? SubjectOf(IEvent e) =>
        e.Data is ReturneeRegistered or VulnerabilityScreened or CaseClosed or CaseReopened or ReturneeErased ? e.StreamId : null;

    protected override ReturneeSummary? Fold(ReturneeSummary? document, Guid subject, object data) => Evolve(document, subject, data);

    protected override Guid IdOf(ReturneeSummary document) => document.Id;

    public static ReturneeSummary? Evolve(ReturneeSummary? snapshot, Guid id, object e) => (snapshot, e) switch
    {
        (null, ReturneeRegistered r) => new ReturneeSummary(id, r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ArrivalDate, r.ReturnType, r.Time),
        (null, _) => null,
        // The latest screening by time is the current one, whatever order they arrived in.
        (_, VulnerabilityScreened s) when snapshot.ScreenedAt is null || s.Time >= snapshot.ScreenedAt =>
            snapshot with { Vulnerabilities = s.Vulnerabilities, ScreenedAt = s.Time },
        (_, CaseClosed) => snapshot with { Status = CaseView.Closed },
        (_, CaseReopened) => snapshot with { Status = CaseView.Open },
        (_, ReturneeErased) => snapshot with { Erased = true },
        _ => snapshot,
    };
}
