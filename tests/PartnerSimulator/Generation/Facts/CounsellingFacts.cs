namespace Reintegration.PartnerSimulator.Generation;

// Counselling's facts. A returnee-based activity's region is the returnee's (from the
// registration); a group session has its own.

/// <summary>An individual or family counselling session.</summary>
public sealed record SessionFact
{
    public required int Number { get; init; }

    /// <summary>The CloudEvent's <c>id</c> (source <c>urn:partner:ngo-field-app</c>).</summary>
    public required string EventId { get; init; }

    /// <summary>The returnee's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid ReturneeId { get; init; }

    /// <summary>The returnee's region, which the catalogue uses as the session's region.</summary>
    public required string Region { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary><c>individual</c> or <c>family</c>.</summary>
    public required string Format { get; init; }

    /// <summary><c>in-person</c>, <c>phone</c> or <c>video</c>.</summary>
    public required string Modality { get; init; }

    public required string Intervention { get; init; }
    public required int DurationMinutes { get; init; }
    public required string Counsellor { get; init; }
}

/// <summary><c>group-session-held.v1</c>: 2–50 returnees of the session's region.</summary>
public sealed record GroupSessionFact
{
    public required string EventId { get; init; }

    /// <summary>The session's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid Id { get; init; }

    public required DateTimeOffset Time { get; init; }
    public required string Region { get; init; }
    public required string Topic { get; init; }
    public required string Facilitator { get; init; }
    public required int DurationMinutes { get; init; }
    public required IReadOnlyList<Guid> Participants { get; init; }
}

/// <summary><c>assessment-recorded.v1</c>: the responses; the score is the catalogue's, derived here.</summary>
public sealed record AssessmentFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required Guid AssessmentId { get; init; }
    public required DateTimeOffset Time { get; init; }

    /// <summary><c>who-5</c>, <c>phq-9</c>, <c>gad-7</c> or <c>k10</c>.</summary>
    public required string Instrument { get; init; }

    public required IReadOnlyList<int> Responses { get; init; }
    public required string AdministeredBy { get; init; }

    /// <summary>The catalogue's score: WHO-5 raw sum × 4 (0–100); PHQ-9, GAD-7 and K10 the sum.</summary>
    public int Score => Instrument == CloudEvents.Codes.Instrument.Who5 ? Responses.Sum() * 4 : Responses.Sum();

    /// <summary>A PHQ-9 whose item 9 (thoughts of self-harm) is above 0 raises a risk flag.</summary>
    public bool RaisesRiskFlag => Instrument == CloudEvents.Codes.Instrument.Phq9 && Responses.Count == 9 && Responses[8] > 0;
}

/// <summary><c>referral-made.v1</c>.</summary>
public sealed record ReferralFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required Guid ReferralId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string Service { get; init; }
    public required string Urgency { get; init; }
    public string? Provider { get; init; }
}

/// <summary><c>referral-closed.v1</c>, after its referral.</summary>
public sealed record ReferralClosureFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required Guid ReferralId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string Outcome { get; init; }
}
