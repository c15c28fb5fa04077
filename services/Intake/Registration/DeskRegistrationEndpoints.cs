using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Intake.Audit;
using Reintegration.Intake.Cases;
using Reintegration.Intake.Desk;
using Reintegration.Intake.Sharing;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Intake.Registration;

/// <summary>
/// Registration for a person at a desk rather than a partner system: plain JSON, the server
/// chooses the returnee's UUID (v7, so ids sort by creation). It goes through the same rules and
/// pipeline as a partner's CloudEvent, under the desk worker's own partner source (<see cref="DeskDoor"/>).
/// </summary>
public static class DeskRegistrationEndpoints
{
    public static IEndpointRouteBuilder MapDeskRegistration(this IEndpointRouteBuilder app)
    {
        app.MapPost("/returnees",
                ([FromBody] JsonElement body, [FromQuery] string? source, HttpContext http, CancellationToken cancellationToken) =>
                    DeskDoor.WriteAsync(http, RegisterReturnee.Type, null, body, source, cancellationToken))
            .WithName("RegisterReturnee")
            .WithSummary("Register a returnee at a desk for one of the caller's sources (?source=, or the token's only one); the server chooses the UUID; Idempotency-Key header optional")
            .Described<RegistrationData>(StatusCodes.Status201Created);

        app.MapGet("/returnees/{id:guid}", GetAsync)
            .WithName("GetReturnee")
            .WithSummary("A returnee and their case as Intake holds them: identifying data only for the registering source or one the returnee allowed, else the pseudonymous profile")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<ReturneeView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, IQuerySession session, AuditLog audit, CancellationToken cancellationToken)
    {
        if (await StreamStates.FoldAsync<ReturneeCase>(session, id, cancellationToken) is not { } found)
            return new Problem(ProblemKind.NotFound, $"No returnee {id} is registered at Intake.").ToResult();

        var caller = Caller.From(user);
        if (found.Erased is not null || SharingRule.GrantingSource(caller, found.Registration) is not { } granting)
            return Results.Ok(ReturneeView.From(found, identity: null));
        // The key gone, nothing identifying can be opened any more: nothing is shown, nothing audited.
        if (found.Registration.IdentityOf(await PersonalDataProtection.KeyOfAsync(session, id, cancellationToken)) is not { } identity)
            return Results.Ok(ReturneeView.From(found, identity: null));
        await audit.RecordAsync(caller, id, granting, IdentifyingRead.Read, cancellationToken);
        return Results.Ok(ReturneeView.From(found, identity));
    }
}
