using Marten;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Reporting.Journeys;

/// <summary>A returnee's journey in order of when things happened: what, when, which service; no names or contacts.</summary>
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

        var profile = r is null ? null : new JourneyProfile(r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ReturnType, r.ArrivalDate);
        return new JourneyView(journey.Id, r is not null, profile, steps.OrderBy(s => s.Time).ToList());
    }
}

public sealed record JourneyProfile(string Sex, string AgeGroup, string Region, string ReturnedFrom, string ReturnType, DateOnly ArrivalDate);

public sealed record JourneyStep(DateTimeOffset Time, string Service, string What, IReadOnlyDictionary<string, string> Details);

public static class JourneyEndpoints
{
    public static IEndpointRouteBuilder MapJourneys(this IEndpointRouteBuilder app)
    {
        app.MapGet("/returnees/{id:guid}/journey", async (Guid id, IQuerySession session, CancellationToken cancellationToken) =>
                await session.LoadAsync<ReturneeJourney>(id, cancellationToken) is { } journey
                    ? Results.Ok(JourneyView.From(journey))
                    : new Problem(ProblemKind.NotFound, $"Reporting has heard nothing of returnee {id}.").ToResult())
            .WithName("GetJourney")
            .RequireScope(Scopes.JourneysRead)
            .WithSummary("A returnee's journey in order of time, without names or contact details")
            .Produces<JourneyView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
