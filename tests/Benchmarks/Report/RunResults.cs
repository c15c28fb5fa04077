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
    public Throughput? MassTransit { get; set; }
    public TokenValidationBaseline.Result? TokenValidation { get; set; }
    public EncryptionCostBaseline.Result? Encryption { get; set; }
    public ActivityIngestion.Result? GroupSessions { get; set; }
    public ActivityIngestion.Result? Trainings { get; set; }

    public EndToEndDrain.Result? WarmUp { get; set; }
    public List<(BatchIngestion.Result Ingestion, ReportingWatch.Result? CatchUp)> Batches { get; } = [];
    public EndToEndDrain.Result? EndToEnd { get; set; }
    public SingleEventLatency.Result? Single { get; set; }
    public ReportingWatch.Result? SingleCatchUp { get; set; }
    public Latencies? IndicatorCalls { get; set; }

    public List<(string Phase, CpuUsage Usage)> Cpu { get; } = [];
    public List<(string Service, long? Rss, long? PeakRss)> Memory { get; } = [];
    public List<(string Service, IReadOnlyList<ServiceLogs.Kind> Kinds)> Logs { get; } = [];
    public List<string> Problems { get; } = [];
    public TimeSpan Total { get; set; }
}
