namespace Reintegration.Benchmarks;

/// <summary>Phase names, shared by the run (which meters each) and the report (which looks them up).</summary>
public static class Phases
{
    public const string Copy = "baseline: PostgreSQL COPY";
    public const string Marten = "baseline: Marten appends";
    public const string MassTransit = "baseline: MassTransit";
    public const string TokenValidation = "baseline: token validation";
    public const string WarmUp = "warm-up: first requests (cold)";
    public const string EndToEnd = "end-to-end drain";
    public const string Single = "single-event posts";
    public const string SingleCatchUp = "Reporting catches up on single posts";
    public const string Indicators = "GET /indicators, 5 calls in a row";
    public const string Encryption = "baseline: Marten appends of registrations, sealed and plain";
    public const string GroupSessions = "batch ingestion of group sessions at Counselling";
    public const string Trainings = "batch ingestion of trainings at Training";

    public static string Batch(int concurrency) => $"batch ingestion ×{concurrency}";

    public static string BatchWarmUp(int concurrency) => $"warm-up: batch ingestion ×{concurrency} (not measured)";

    public static string BatchCatchUp(int concurrency) => $"Reporting catches up after ×{concurrency}";

    public const string IntakeAlone = "batch ingestion ×1, Intake alone";
    public const string IntakeAloneCatchUp = "Reporting catches up after Intake alone";

    public static string MartenRoundBefore(string phase) => $"baseline: Marten batched again, before {phase}";
}
