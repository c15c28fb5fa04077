using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.UnitTests.Telemetry;

/// <summary>Which traces are recorded: a share of the new ones, each whole, and whatever a deployment names instead.</summary>
public sealed class TraceSamplingTests
{
    [Fact]
    public void Given_no_setting_outside_development_when_traces_start_then_about_one_in_ten_is_recorded()
    {
        var sampler = TraceSampling.From(Configuration(), Environment(Environments.Production))!;

        var recorded = RootTraces(20_000).Count(id => Records(sampler, default, id));

        Assert.InRange(recorded, 1_800, 2_200);
    }

    [Fact]
    public void Given_a_configured_share_when_traces_start_then_that_share_is_recorded()
    {
        var sampler = TraceSampling.From(Configuration((TraceSampling.RatioKey, "0.5")), Environment(Environments.Production))!;

        var recorded = RootTraces(20_000).Count(id => Records(sampler, default, id));

        Assert.InRange(recorded, 9_500, 10_500);
    }

    [Fact]
    public void Given_development_when_traces_start_then_every_one_is_recorded()
    {
        var sampler = TraceSampling.From(Configuration(), Environment(Environments.Development))!;

        Assert.All(RootTraces(1_000), id => Assert.True(Records(sampler, default, id)));
    }

    [Fact]
    public void Given_a_parent_when_a_span_starts_then_it_follows_the_parents_decision_whatever_the_share()
    {
        var none = TraceSampling.From(Configuration((TraceSampling.RatioKey, "0")), Environment(Environments.Production))!;
        var all = TraceSampling.From(Configuration((TraceSampling.RatioKey, "1")), Environment(Environments.Production))!;
        var trace = ActivityTraceId.CreateRandom();
        var recordedParent = new ActivityContext(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var droppedParent = new ActivityContext(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        Assert.True(Records(none, recordedParent, trace));
        Assert.False(Records(all, droppedParent, trace));
    }

    [Fact]
    public void Given_the_standard_sampler_variable_when_configured_then_it_is_left_to_the_sdk()
    {
        Assert.Null(TraceSampling.From(Configuration(("OTEL_TRACES_SAMPLER", "parentbased_always_on"), (TraceSampling.RatioKey, "0.1")), Environment(Environments.Production)));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("NaN")]
    public void Given_a_share_outside_zero_to_one_when_configured_then_the_service_does_not_start(string ratio)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TraceSampling.From(Configuration((TraceSampling.RatioKey, ratio)), Environment(Environments.Production)));
        Assert.Contains(TraceSampling.RatioKey, refused.Message);
    }

    private static bool Records(Sampler sampler, ActivityContext parent, ActivityTraceId trace) =>
        sampler.ShouldSample(new SamplingParameters(parent, trace, "span", ActivityKind.Internal)).Decision == SamplingDecision.RecordAndSample;

    // Trace ids from a seeded generator: the same draws every run.
    private static IEnumerable<ActivityTraceId> RootTraces(int count)
    {
        var random = new Random(20261202);
        var bytes = new byte[16];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            yield return ActivityTraceId.CreateFromBytes(bytes);
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static IHostEnvironment Environment(string name) => new HostEnvironment(name);

    private sealed class HostEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
