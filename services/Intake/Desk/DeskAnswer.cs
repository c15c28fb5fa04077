using System.Text.Json;

namespace Reintegration.Intake.Desk;

/// <summary>
/// A desk write made under an <c>Idempotency-Key</c>, keyed by the caller (token subject) and the
/// key. Inserted, with the envelope the write will post, BEFORE the write; completed with the
/// answer after it. A retry with the same request re-posts the same envelope (a duplicate to the
/// pipeline, so nothing is written twice, even after a crash between the two) or, once completed,
/// gets the first answer again. It holds no view body: a success is re-rendered from the
/// returnee's stream at the version it had then; a refusal keeps its problem details.
/// </summary>
public sealed record DeskAnswer(
    string Id,
    string RequestFingerprint,
    string EnvelopeId,
    string Source,
    Guid ReturneeId,
    DateTimeOffset Time,
    DateTimeOffset CreatedAt)
{
    public int? Status { get; init; }

    /// <summary>The stream version the successful answer showed.</summary>
    public long? Version { get; init; }

    /// <summary>The problem details of a refusal, as sent.</summary>
    public JsonElement? Problem { get; init; }

    public bool Completed => Status is not null;

    public static string KeyFor(string subject, string idempotencyKey) => $"{subject}|{idempotencyKey}";
}
