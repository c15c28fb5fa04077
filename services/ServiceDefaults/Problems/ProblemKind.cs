using Microsoft.AspNetCore.Http;

namespace Reintegration.ServiceDefaults.Problems;

/// <summary>
/// The kinds of error a client can get, each with its HTTP status and a stable type URI
/// (documented in docs/problems.md). Clients branch on the type, people read the detail.
/// </summary>
public sealed record ProblemKind(string Slug, int Status, string Title)
{
    public string Type => $"urn:reintegration:problem:{Slug}";

    public static readonly ProblemKind InvalidEnvelope = new("invalid-envelope", StatusCodes.Status400BadRequest, "The request is not a valid CloudEvent");
    public static readonly ProblemKind InvalidBatch = new("invalid-batch", StatusCodes.Status400BadRequest, "The batch is not a JSON array of objects");
    public static readonly ProblemKind UnknownEventType = new("unknown-event-type", StatusCodes.Status400BadRequest, "The event type is not in the catalogue");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, "Unsupported content type");
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", StatusCodes.Status413PayloadTooLarge, "The request is too large");
    public static readonly ProblemKind WrongService = new("wrong-service", StatusCodes.Status422UnprocessableEntity, "The event type belongs to another service");
    public static readonly ProblemKind InvalidData = new("invalid-data", StatusCodes.Status422UnprocessableEntity, "The event's data breaks the catalogue's rules");
    public static readonly ProblemKind StateForbids = new("state-forbids", StatusCodes.Status422UnprocessableEntity, "The returnee's or activity's state does not allow this event");
    public static readonly ProblemKind NotRegistered = new("returnee-not-registered", StatusCodes.Status422UnprocessableEntity, "The returnee is not registered at Intake");
    public static readonly ProblemKind TrainingNotKnown = new("training-not-known", StatusCodes.Status422UnprocessableEntity, "The training is not known yet");
    public static readonly ProblemKind IdempotencyKeyReused = new("idempotency-key-reused", StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for another request");
    public static readonly ProblemKind ContentMismatch = new("id-reused-with-other-content", StatusCodes.Status409Conflict, "This source and id were accepted before with other content");
    public static readonly ProblemKind Contradiction = new("contradicts-stored-fact", StatusCodes.Status409Conflict, "The event contradicts a fact already stored");
    public static readonly ProblemKind NotFound = new("not-found", StatusCodes.Status404NotFound, "Not found");
    public static readonly ProblemKind InvalidQuery = new("invalid-query", StatusCodes.Status400BadRequest, "The query parameters are not valid");
    public static readonly ProblemKind InvalidRequest = new("invalid-request", StatusCodes.Status400BadRequest, "The request is not valid");
    public static readonly ProblemKind Unauthenticated = new("unauthenticated", StatusCodes.Status401Unauthorized, "A valid access token is required");
    public static readonly ProblemKind InsufficientScope = new("insufficient-scope", StatusCodes.Status403Forbidden, "The access token does not grant this");
    public static readonly ProblemKind ForbiddenSource = new("forbidden-source", StatusCodes.Status403Forbidden, "The access token does not speak for this source");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", StatusCodes.Status405MethodNotAllowed, "Method not allowed");
    public static readonly ProblemKind TooManyRequests = new("too-many-requests", StatusCodes.Status429TooManyRequests, "Too many requests");
    public static readonly ProblemKind Unexpected = new("unexpected-error", StatusCodes.Status500InternalServerError, "An unexpected error occurred");
    public static readonly ProblemKind Unavailable = new("service-unavailable", StatusCodes.Status503ServiceUnavailable, "The service cannot answer now");

    /// <summary>The kind the framework's own answers of a status get (routing, body limits, timeouts).</summary>
    public static ProblemKind? ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidRequest,
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => InsufficientScope,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status500InternalServerError => Unexpected,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        _ => null,
    };
}
