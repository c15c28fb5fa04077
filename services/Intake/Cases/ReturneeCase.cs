using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Plans;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Surveys;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.Intake.Cases;

/// <summary>
/// A returnee's case as Intake knows it: what decisions need and what the desk reads. Facts that
/// "the latest replaces" (screening, plan, survey) are all kept, and the current one is the latest
/// by <c>time</c> (ties: the later arrival), so a late-synced older fact never replaces a newer one.
/// </summary>
public sealed record ReturneeCase(Guid Id, ReturneeRegistered Registration, string RegistrationFingerprint) : IStreamState<ReturneeCase>
{
    public long Version { get; set; }

    /// <summary>The consent as it now stands (the registration's, changed by the updates, each field latest by time).</summary>
    public ConsentGiven Consent { get; init; } = Registration.Consent;

    public ImmutableList<ConsentUpdated> ConsentUpdates { get; init; } = [];

    /// <summary>Consent to data processing was withdrawn: nothing more about this returnee is accepted.</summary>
    public ReturneeErased? Erased { get; init; }

    /// <summary>The closure in force; null while the case is open.</summary>
    public CaseClosed? Closure { get; init; }

    /// <summary>The reopening that made the case open again, if the last change of status was one.</summary>
    public CaseReopened? Reopening { get; init; }

    public ImmutableList<VulnerabilityScreened> Screenings { get; init; } = [];
    public ImmutableList<PlanAgreed> Plans { get; init; } = [];
    public ImmutableList<SurveyRecorded> Surveys { get; init; } = [];

    public bool IsClosed => Closure is not null;

    public VulnerabilityScreened? LatestScreening => Latest(Screenings, s => s.Time);
    public PlanAgreed? CurrentPlan => Latest(Plans, p => p.Time);
    public SurveyRecorded? LatestSurvey => Latest(Surveys, s => s.Time);

    public static ReturneeCase? Fold(ReturneeCase? state, Guid streamId, object @event) => (state, @event) switch
    {
        (null, ReturneeRegistered registered) => new ReturneeCase(streamId, registered, Fingerprint(registered)),
        (null, _) => null,
        (_, ConsentUpdated e) => state with { Consent = e.Current, ConsentUpdates = state.ConsentUpdates.Add(e) },
        (_, ReturneeErased e) => state with { Erased = e },
        (_, VulnerabilityScreened e) => state with { Screenings = state.Screenings.Add(e) },
        (_, PlanAgreed e) => state with { Plans = state.Plans.Add(e) },
        (_, SurveyRecorded e) => state with { Surveys = state.Surveys.Add(e) },
        (_, CaseClosed e) => state with { Closure = e, Reopening = null },
        (_, CaseReopened e) => state with { Closure = null, Reopening = e },
        _ => state,
    };

    /// <summary>What makes two registrations "the same details": everything but when and under which event it was sent.</summary>
    public static string Fingerprint(ReturneeRegistered registered) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(registered with { Time = default }, JsonDefaults.Web)));

    /// <summary>Two domain events state the same fact: the same type and JSON (time and source included).</summary>
    public static bool SameFact(object a, object b) =>
        a.GetType() == b.GetType()
        && JsonSerializer.Serialize(a, a.GetType(), JsonDefaults.Web) == JsonSerializer.Serialize(b, b.GetType(), JsonDefaults.Web);

    // The list is in arrival order; the last of the greatest time wins a tie.
    private static T? Latest<T>(IEnumerable<T> facts, Func<T, DateTimeOffset> time) where T : class =>
        facts.Aggregate((T?)null, (best, f) => best is null || time(f) >= time(best) ? f : best);
}
