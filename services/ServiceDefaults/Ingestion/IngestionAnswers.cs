namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// The answer to one event: <c>{"id", "source", "status"}</c>, status <c>accepted</c> (202) or
/// <c>duplicate</c> (200). A named record so the OpenAPI document can describe it.
/// </summary>
public sealed record EventReceipt(string? Id, string? Source, string Status)
{
    public static EventReceipt From(IngestionOutcome outcome) => new(outcome.Id, outcome.Source, StatusText(outcome.Status));

    /// <summary>The catalogue's words for an outcome.</summary>
    public static string StatusText(IngestionStatus status) => status switch
    {
        IngestionStatus.Accepted => "accepted",
        IngestionStatus.Duplicate => "duplicate",
        _ => "rejected",
    };
}

/// <summary>The answer to a batch: one result per posted event, in the order posted.</summary>
public sealed record BatchAnswer(IReadOnlyList<BatchResultItem> Results);

/// <summary>
/// One event of a batch. <see cref="Problem"/> is typed as object so the serializer writes its
/// runtime type (a validation problem keeps its <c>errors</c>); it is left out when null.
/// </summary>
public sealed record BatchResultItem(int Index, string? Id, string? Source, string Status, object? Problem)
{
    public static BatchResultItem From(IngestionOutcome outcome) =>
        new(outcome.Index, outcome.Id, outcome.Source, EventReceipt.StatusText(outcome.Status), outcome.Problem?.ToProblemDetails());
}
