using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Intake.Audit;
using Reintegration.Intake.Cases;
using Reintegration.Intake.Sharing;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Intake.Registration;

/// <summary>
/// Registration for a person at a desk rather than a partner system: plain JSON, the server
/// chooses the returnee's UUID (v7, so ids sort by creation). It goes through the same rules and
/// pipeline as a partner's CloudEvent, under the desk worker's own partner source.
/// </summary>
public static class DeskRegistrationEndpoints
{
    public static IEndpointRouteBuilder MapDeskRegistration(this IEndpointRouteBuilder app)
    {
        app.MapPost("/returnees", RegisterAsync)
            .WithName("RegisterReturnee")
            .WithSummary("Register a returnee at a desk for one of the caller's sources (?source=, or the token's only one); the server chooses the UUID")
            .RequireScope(Scopes.ReturneesWrite)
            .BindsSource(SourceLocation.Query)
            .Accepts<RegistrationData>("application/json")
            .Produces<ReturneeView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet("/returnees/{id:guid}", GetAsync)
            .WithName("GetReturnee")
            .WithSummary("A returnee as Intake holds them: identifying data only for the registering source or one the returnee allowed, else the pseudonymous profile")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<ReturneeView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RegisterAsync(
        [FromBody] JsonElement body, string? source, ClaimsPrincipal user, IngestionPipeline pipeline, AuditLog audit, TimeProvider clock,
        IQuerySession session, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var (registeringSource, refused) = SourceBinding.Resolve(caller, source);
        if (refused is not null) return refused.ToResult();

        var returneeId = Guid.CreateVersion7();
        var envelope = new CloudEventEnvelope(Guid.CreateVersion7().ToString(), registeringSource!, RegisterReturnee.Type, returneeId, clock.GetUtcNow(), body);
        var outcome = (await pipeline.IngestAsync([PostedEvent.Valid(envelope)], cancellationToken))[0];
        if (outcome.Status != IngestionStatus.Accepted) return outcome.Problem!.ToResult();

        var stored = await StreamStates.FoldAsync<ReturneeCase>(session, returneeId, cancellationToken);
        var identity = stored!.Registration.IdentityOf(await PersonalDataProtection.KeyOfAsync(session, returneeId, cancellationToken));
        await audit.RecordAsync(caller, returneeId, registeringSource!, IdentifyingRead.Registered, cancellationToken);
        return Results.Created($"/returnees/{returneeId}", ReturneeView.From(stored, identity));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, IQuerySession session, AuditLog audit, CancellationToken cancellationToken)
    {
        if (await StreamStates.FoldAsync<ReturneeCase>(session, id, cancellationToken) is not { } found)
            return new Problem(ProblemKind.NotFound, $"No returnee {id} is registered at Intake.").ToResult();

        var caller = Caller.From(user);
        if (SharingRule.GrantingSource(caller, found.Registration) is not { } granting)
            return Results.Ok(ReturneeView.From(found, identity: null));
        // Erased: nothing identifying can be opened any more, so nothing is shown and nothing audited.
        if (found.Registration.IdentityOf(await PersonalDataProtection.KeyOfAsync(session, id, cancellationToken)) is not { } identity)
            return Results.Ok(ReturneeView.From(found, identity: null));
        await audit.RecordAsync(caller, id, granting, IdentifyingRead.Read, cancellationToken);
        return Results.Ok(ReturneeView.From(found, identity));
    }
}
