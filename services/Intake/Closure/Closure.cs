using FluentValidation;
using Reintegration.Intake.Cases;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Closure;

/// <summary>The <c>data</c> of <c>reintegration.intake.case-closed.v1</c> and of <c>case-reopened.v1</c>: a reason.</summary>
public sealed record ClosureData(string? Reason);

public sealed record ReopeningData(string? Reason);

public sealed class ClosureRules : AbstractValidator<ClosureData>
{
    public static readonly IReadOnlySet<string> Reasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "support-completed", "no-longer-eligible", "returnee-choice", "left-area", "deceased", "lost-to-follow-up",
    };

    public ClosureRules() => RuleFor(x => x.Reason).Code(Reasons);
}

public sealed class ReopeningRules : AbstractValidator<ReopeningData>
{
    public ReopeningRules() => RuleFor(x => x.Reason).Text(500);
}

/// <summary>The case was closed: activity dated after <see cref="Time"/> is refused until it is reopened.</summary>
public sealed record CaseClosed(Guid ReturneeId, DateTimeOffset Time, string Source, string Reason);

/// <summary>The case was reopened; the reason is free text and stays in Intake.</summary>
public sealed record CaseReopened(Guid ReturneeId, DateTimeOffset Time, string Source, string Reason);

/// <summary>
/// <c>reintegration.intake.case-closed.v1</c>. Closing a closed case is refused, unless with the
/// same reason (the same fact again: accepted, nothing new). A closure dated before the reopening
/// now in force is refused: the case was open then by the partner's own account.
/// </summary>
public sealed class CloseCase : CloudEventHandler<ClosureData, CaseClosed>
{
    public const string Type = "reintegration.intake.case-closed.v1";

    public override string EventType => Type;

    protected override IValidator<ClosureData> Validator { get; } = new ClosureRules();

    protected override CaseClosed ToCommand(CloudEventEnvelope envelope, ClosureData data) => new(envelope.Subject, envelope.Time, envelope.Source, data.Reason!);

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, CaseClosed closed)
    {
        var (state, refusal) = CaseRules.Registered(states, envelope);
        if (refusal is not null) return refusal;
        if (state!.Closure is { } closure)
            return closure.Reason == closed.Reason
                ? Decision.AlreadyKnown
                : Decision.Forbidden($"Returnee {envelope.Subject}'s case is already closed ({closure.Reason}, at {closure.Time:O}); reopen it before closing it for another reason.");
        if (state.Reopening is { } reopening && closed.Time < reopening.Time)
            return Decision.Forbidden($"The case was reopened at {reopening.Time:O}; a closure must be dated at or after that.");
        return Decision.Append(closed);
    }
}

/// <summary>
/// <c>reintegration.intake.case-reopened.v1</c>. Reopening an open case is refused, unless it is
/// the reopening that opened it, again (same reason). A reopening dated before the closure it would
/// undo is refused: the case was not closed yet at that time.
/// </summary>
public sealed class ReopenCase : CloudEventHandler<ReopeningData, CaseReopened>
{
    public const string Type = "reintegration.intake.case-reopened.v1";

    public override string EventType => Type;

    protected override IValidator<ReopeningData> Validator { get; } = new ReopeningRules();

    protected override CaseReopened ToCommand(CloudEventEnvelope envelope, ReopeningData data) => new(envelope.Subject, envelope.Time, envelope.Source, data.Reason!);

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, CaseReopened reopened)
    {
        var (state, refusal) = CaseRules.Registered(states, envelope);
        if (refusal is not null) return refusal;
        if (state!.Closure is not { } closure)
            return state.Reopening?.Reason == reopened.Reason
                ? Decision.AlreadyKnown
                : Decision.Forbidden($"Returnee {envelope.Subject}'s case is open; only a closed case can be reopened.");
        if (reopened.Time < closure.Time)
            return Decision.Forbidden($"The case was closed at {closure.Time:O}; a reopening must be dated at or after the closure it undoes.");
        return Decision.Append(reopened);
    }
}
