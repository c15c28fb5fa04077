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
    public static readonly ProblemKind ContentMismatch = new("id-reused-with-other-content", StatusCodes.Status409Conflict, "This source and id were accepted before with other content");
    public static readonly ProblemKind Contradiction = new("contradicts-stored-fact", StatusCodes.Status409Conflict, "The event contradicts a fact already stored");
    public static readonly ProblemKind NotFound = new("not-found", StatusCodes.Status404NotFound, "Not found");
    public static readonly ProblemKind InvalidQuery = new("invalid-query", StatusCodes.Status400BadRequest, "The query parameters are not valid");
}
