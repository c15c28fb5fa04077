using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Intake.Cases;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Intake.Registration;

/// <summary>
/// Registration for a person at a desk rather than a partner system: plain JSON, the server
/// chooses the returnee's UUID (v7, so ids sort by creation). It goes through the same rules and
/// pipeline as a partner's CloudEvent, under the desk's own source.
/// </summary>
public static class DeskRegistrationEndpoints
{
    public const string DeskSource = "urn:reintegration:intake-desk";

    public static IEndpointRouteBuilder MapDeskRegistration(this IEndpointRouteBuilder app)
    {
        app.MapPost("/returnees", RegisterAsync)
            .WithName("RegisterReturnee")
            .WithSummary("Register a returnee at a desk; the server chooses the UUID")
            .Accepts<RegistrationData>("application/json")
            .Produces<ReturneeView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet("/returnees/{id:guid}", GetAsync)
            .WithName("GetReturnee")
            .WithSummary("A returnee's registration as Intake holds it")
            .Produces<ReturneeView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RegisterAsync(
        [FromBody] JsonElement body, IngestionPipeline pipeline, TimeProvider clock, IQuerySession session, CancellationToken cancellationToken)
    {
        var returneeId = Guid.CreateVersion7();
        var envelope = new CloudEventEnvelope(Guid.CreateVersion7().ToString(), DeskSource, RegisterReturnee.Type, returneeId, clock.GetUtcNow(), body);
        var outcome = (await pipeline.IngestAsync([PostedEvent.Valid(envelope)], cancellationToken))[0];
        if (outcome.Status != IngestionStatus.Accepted) return outcome.Problem!.ToResult();

        var stored = await StreamStates.FoldAsync<ReturneeCase>(session, returneeId, cancellationToken);
        return Results.Created($"/returnees/{returneeId}", ReturneeView.From(stored!));
    }

    private static async Task<IResult> GetAsync(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await StreamStates.FoldAsync<ReturneeCase>(session, id, cancellationToken) is { } found
            ? Results.Ok(ReturneeView.From(found))
            : new Problem(ProblemKind.NotFound, $"No returnee {id} is registered at Intake.").ToResult();
}
