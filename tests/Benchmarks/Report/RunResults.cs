using Reintegration.Benchmarks.Baselines;
using Reintegration.Benchmarks.Scenarios;

namespace Reintegration.Benchmarks.Report;

/// <summary>Everything one run measured; a phase that failed leaves its figure null and a problem.</summary>
public sealed class RunResults
{
    public required DateTimeOffset StartedAt { get; init; }
    public required RunOptions Options { get; init; }
    public double? LoadAtStart { get; init; } = ProcFs.LoadAverage();
    public string? PostgresVersion { get; set; }
    public string? PostgresConnection { get; set; }
    public string? RabbitMqVersion { get; set; }

    public Throughput? Copy { get; set; }
    public MartenAppendBaseline.Result? Marten { get; set; }

    /// <summary>Marten's batched figure measured again just before each batch-ingestion phase.</summary>
    public List<Throughput> MartenRounds { get; } = [];

    /// <summary>Every batched round of the run: the first baseline's and one just before each batch-ingestion phase.</summary>
    public IReadOnlyList<Throughput> MartenBatchedRounds => Marten is { } m ? [m.Batched, .. MartenRounds] : [];

    /// <summary>
    /// What the services' batch figures are set against: the median of <see cref="MartenBatchedRounds"/>.
    /// A single round of about a second moved between 16,463 and 43,758 events/s within an hour on
    /// this shared machine (2026-12-03), more than any change measured against it.
    /// </summary>
    public double? MartenBatched => MartenBatchedRounds.Count == 0 ? null : Median(MartenBatchedRounds.Select(r => r.PerSecond).ToList());

    public Throughput? MassTransit { get; set; }
    public TokenValidationBaseline.Result? TokenValidation { get; set; }
    public EncryptionCostBaseline.Result? Encryption { get; set; }
    public ActivityIngestion.Result? GroupSessions { get; set; }
    public ActivityIngestion.Result? Trainings { get; set; }

    public EndToEndDrain.Result? WarmUp { get; set; }
    /// <summary>The unmeasured rounds before the batch phases, in the same shape: one post at a time, then two in flight.</summary>
    public List<BatchIngestion.Result> BatchWarmUps { get; } = [];
    public List<(BatchIngestion.Result Ingestion, ReportingWatch.Result? CatchUp)> Batches { get; } = [];

    /// <summary>The ×1 phase again with Counselling, Training and Reporting paused: Intake's own cost, not a target figure.</summary>
    public BatchIngestion.Result? IntakeAlone { get; set; }
    public ReportingWatch.Result? IntakeAloneCatchUp { get; set; }
    public EndToEndDrain.Result? EndToEnd { get; set; }
    public SingleEventLatency.Result? Single { get; set; }
    public ReportingWatch.Result? SingleCatchUp { get; set; }
    public Latencies? IndicatorCalls { get; set; }

    public List<(string Phase, CpuUsage Usage)> Cpu { get; } = [];
    public List<(string Service, long? Rss, long? PeakRss)> Memory { get; } = [];
    public List<(string Service, IReadOnlyList<ServiceLogs.Kind> Kinds)> Logs { get; } = [];
    public List<string> Problems { get; } = [];
    public TimeSpan Total { get; set; }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
