using System.Globalization;
using Marten;
using Reintegration.Reporting.Returnees;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Reporting.Journeys;

/// <summary>
/// A returnee's journey in order of when things happened: what, when, which service, and details
/// that are codes, flags, counts and scores only (no names, contacts or free text). Lists of
/// codes are comma-separated.
/// </summary>
public sealed record JourneyView(Guid ReturneeId, bool Registered, JourneyProfile? Profile, IReadOnlyList<JourneyStep> Steps)
{
    public static JourneyView From(ReturneeJourney journey)
    {
        var r = journey.Registration;
        var steps = new List<JourneyStep>();
        if (r is not null)
            steps.Add(new JourneyStep(r.Time, "intake", "returnee-registered", new Dictionary<string, string>
            {
                ["region"] = r.Region, ["returnedFrom"] = r.ReturnedFrom, ["returnType"] = r.ReturnType, ["arrivalDate"] = r.ArrivalDate.ToString("yyyy-MM-dd"),
            }));
        steps.AddRange(journey.Sessions.Select(s => new JourneyStep(s.Time, "counselling", "session-held", new Dictionary<string, string>
        {
            ["format"] = s.Format, ["modality"] = s.Modality, ["intervention"] = s.Intervention, ["durationMinutes"] = s.DurationMinutes.ToString(),
        })));
        steps.AddRange(journey.AwarenessEvents.Select(a => new JourneyStep(a.Time, "training", "awareness-event-attended", new Dictionary<string, string>
        {
            ["kind"] = a.Kind, ["region"] = a.Region,
        })));

        steps.AddRange(journey.ConsentChanges.Select(c => Intake(c.Time, "consent-updated", new()
        {
            ["dataProcessing"] = Flag(c.DataProcessing), ["counselling"] = Flag(c.Counselling), ["followUpContact"] = Flag(c.FollowUpContact),
        })));
        steps.AddRange(journey.Screenings.Select(s => Intake(s.Time, "vulnerability-screened", new()
        {
            ["vulnerabilities"] = string.Join(",", s.Vulnerabilities), ["urgentCareNeeded"] = Flag(s.UrgentCareNeeded),
        })));
        steps.AddRange(journey.Plans.Select(p => Intake(p.Time, "reintegration-plan-agreed", new()
        {
            ["goals"] = p.Dimensions.Count.ToString(CultureInfo.InvariantCulture), ["dimensions"] = string.Join(",", p.Dimensions.Distinct()),
        })));
        steps.AddRange(journey.Surveys.Select(s => Intake(s.Time, "sustainability-survey-recorded", new()
        {
            ["economic"] = Score(s.Economic), ["social"] = Score(s.Social), ["psychosocial"] = Score(s.Psychosocial), ["composite"] = Score(s.Composite),
        })));
        steps.AddRange(journey.Closures.Select(c => Intake(c.Time, "case-closed", new() { ["reason"] = c.Reason })));
        steps.AddRange(journey.Reopenings.Select(r => Intake(r.Time, "case-reopened", [])));
        steps.AddRange(journey.CounsellingSteps());
        steps.AddRange(journey.Workshops.Select(w => new JourneyStep(w.Time, "training", "workshop-attended", new Dictionary<string, string>
        {
            ["kind"] = w.Kind, ["region"] = w.Region,
        })));
        if (journey.ErasedAt is { } erasedAt) steps.Add(Intake(erasedAt, "personal-data-erased", []));

        var profile = r is null ? null : new JourneyProfile(r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ReturnType, r.ArrivalDate);
        return new JourneyView(journey.Id, r is not null, profile, steps.OrderBy(s => s.Time).ToList());
    }

    private static JourneyStep Intake(DateTimeOffset time, string what, Dictionary<string, string> details) => new(time, "intake", what, details);

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Score(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed record JourneyProfile(string Sex, string AgeGroup, string Region, string ReturnedFrom, string ReturnType, DateOnly ArrivalDate);

public sealed record JourneyStep(DateTimeOffset Time, string Service, string What, IReadOnlyDictionary<string, string> Details);

public static class JourneyEndpoints
{
    public static IEndpointRouteBuilder MapJourneys(this IEndpointRouteBuilder app)
    {
        app.MapGet("/returnees/{id:guid}/journey", async (Guid id, IQuerySession session, CancellationToken cancellationToken) =>
                // The returnee read model's state holds the journey: one state per returnee behind journeys, line list and counts.
                await session.LoadAsync<ReturneeFacts>(id, cancellationToken) is { } facts
                    ? Results.Ok(JourneyView.From(facts.Journey))
                    : new Problem(ProblemKind.NotFound, $"Reporting has heard nothing of returnee {id}.").ToResult())
            .WithName("GetJourney")
            .RequireScope(Scopes.JourneysRead)
            .WithSummary("A returnee's journey in order of time, without names or contact details")
            .Produces<JourneyView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
