using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Intake.Audit;
using Reintegration.Intake.Cases;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Sharing;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Intake.Desk;

/// <summary>
/// The door for a person at a desk: the body is the event type's <c>data</c>; the door makes the
/// envelope (the caller's source, a server-made id, <c>time</c> now) and posts it through the same
/// pipeline as a partner's CloudEvent, so the rules and the decision are the same. It answers the
/// returnee's view (identifying where the sharing rule allows, audited) or the pipeline's problem.
/// Writes are idempotent under an <c>Idempotency-Key</c> header (<see cref="DeskAnswer"/>).
/// </summary>
public static class DeskDoor
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>A desk write on an existing returnee's case: <c>POST /returnees/{id}/{path}</c>, answered 200 with the case view.</summary>
    public static RouteHandlerBuilder MapCaseWrite<TData>(this IEndpointRouteBuilder app, string path, string eventType, string name, string summary) where TData : notnull =>
        app.MapPost($"/returnees/{{id:guid}}/{path}",
                ([FromRoute] Guid id, [FromBody] JsonElement body, [FromQuery] string? source, HttpContext http, CancellationToken cancellationToken) =>
                    WriteAsync(http, eventType, id, body, source, cancellationToken))
            .WithName(name)
            .WithSummary(summary + " (the body is the event type's data; ?source= or the token's only source; Idempotency-Key header optional)")
            .Described<TData>(StatusCodes.Status200OK);

    /// <summary>The metadata every desk write shares: scope, source binding, body and answers.</summary>
    public static RouteHandlerBuilder Described<TData>(this RouteHandlerBuilder endpoint, int successStatus) where TData : notnull =>
        endpoint.RequireScope(Scopes.ReturneesWrite)
            .BindsSource(SourceLocation.Query)
            .Accepts<TData>("application/json")
            .Produces<ReturneeView>(successStatus)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Posts <paramref name="body"/> as <paramref name="eventType"/> about <paramref name="returneeId"/>
    /// (null: a registration, the server chooses a UUIDv7) and answers as the desk expects.
    /// </summary>
    public static async Task<IResult> WriteAsync(
        HttpContext http, string eventType, Guid? returneeId, JsonElement body, string? requestedSource, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var caller = Caller.From(http.User);
        var (source, refused) = SourceBinding.Resolve(caller, requestedSource);
        if (refused is not null) return refused.ToResult();

        var store = services.GetRequiredService<IDocumentStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var registering = returneeId is null;
        var fresh = new DeskAnswer("", "", Guid.CreateVersion7().ToString(), source!, returneeId ?? Guid.CreateVersion7(), now, now);

        DeskAnswer? keyed = null;
        if (http.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            var key = values.ToString();
            if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl) || values.Count != 1)
                return Problem.Field(ProblemKind.InvalidRequest, IdempotencyKeyHeader, $"must be one value of 1 to {MaxKeyLength} characters without control characters").ToResult();

            // Keyed: a registration's body is identifying, and a plain hash of it could confirm a guess.
            var fingerprint = services.GetRequiredService<IBlindIndex>().Of(
                ContentFingerprint.Of($"{http.Request.Method} {eventType} {source}", returneeId ?? Guid.Empty, default, body));
            keyed = await ReserveAsync(store, fresh with { Id = DeskAnswer.KeyFor(caller.Subject, key), RequestFingerprint = fingerprint }, cancellationToken);
            if (keyed.RequestFingerprint != fingerprint)
                return new Problem(ProblemKind.IdempotencyKeyReused,
                    $"Idempotency-Key '{key}' was used by this caller for another request (another endpoint, source or body). Use a new key for a new request.").ToResult();
            if (keyed.Completed) return await ReplayAsync(http, store, keyed, registering, cancellationToken);
        }

        var write = keyed ?? fresh;
        var envelope = new CloudEventEnvelope(write.EnvelopeId, write.Source, eventType, write.ReturneeId, write.Time, body);
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var outcome = (await pipeline.IngestAsync([PostedEvent.Valid(envelope)], cancellationToken))[0];

        if (outcome.Status == IngestionStatus.Rejected)
        {
            var problem = outcome.Problem!.ToProblemDetails();
            if (keyed is not null)
                await CompleteAsync(store, keyed with { Status = problem.Status, Problem = JsonSerializer.SerializeToElement<object>(problem, JsonDefaults.Web) }, cancellationToken);
            return Results.Problem(problem);
        }

        ReturneeCase state;
        await using (var query = store.QuerySession())
            state = (await StreamStates.FoldAsync<ReturneeCase>(query, write.ReturneeId, cancellationToken))!;
        var status = registering ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        if (keyed is not null) await CompleteAsync(store, keyed with { Status = status, Version = state.Version }, cancellationToken);
        return await AnswerAsync(http, state, status, registering, cancellationToken);
    }

    /// <summary>The record of this caller and key: the one stored, or this one, inserted now.</summary>
    private static async Task<DeskAnswer> ReserveAsync(IDocumentStore store, DeskAnswer candidate, CancellationToken cancellationToken)
    {
        await using (var query = store.QuerySession())
            if (await query.LoadAsync<DeskAnswer>(candidate.Id, cancellationToken) is { } stored) return stored;
        try
        {
            await using var session = store.LightweightSession();
            session.Insert(candidate);
            await session.SaveChangesAsync(cancellationToken);
            return candidate;
        }
        catch (Exception ex) when (ConcurrencyConflicts.IsLostRace(ex))
        {
            // The same key in flight from another request: both post the same envelope; the pipeline keeps one.
            await using var query = store.QuerySession();
            return (await query.LoadAsync<DeskAnswer>(candidate.Id, cancellationToken))!;
        }
    }

    private static async Task CompleteAsync(IDocumentStore store, DeskAnswer answer, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(answer);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The first answer again: its problem, or the view of the stream at the version it showed.</summary>
    private static async Task<IResult> ReplayAsync(HttpContext http, IDocumentStore store, DeskAnswer answer, bool registering, CancellationToken cancellationToken)
    {
        if (answer.Problem is { } problem)
            return Results.Problem(problem.TryGetProperty("errors", out _)
                ? problem.Deserialize<HttpValidationProblemDetails>(JsonDefaults.Web)!
                : problem.Deserialize<ProblemDetails>(JsonDefaults.Web)!);

        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(answer.ReturneeId, answer.Version ?? 0, token: cancellationToken);
        var state = StreamStates.Fold<ReturneeCase>(events)[answer.ReturneeId];
        return await AnswerAsync(http, state, answer.Status!.Value, registering, cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, ReturneeCase state, int status, bool registering, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var granting = state.Erased is null ? SharingRule.GrantingSource(caller, state.Registration) : null;
        var identity = granting is null
            ? null
            : state.Registration.IdentityOf(await PersonalDataProtection.KeyOfAsync(http.RequestServices.GetRequiredService<IQuerySession>(), state.Id, cancellationToken));
        if (identity is not null)
            await http.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(caller, state.Id, granting!, registering ? IdentifyingRead.Registered : IdentifyingRead.Updated, cancellationToken);
        var view = ReturneeView.From(state, identity);
        return registering
            ? Results.Created($"/returnees/{state.Id}", view)
            : Results.Json(view, statusCode: status);
    }
}
