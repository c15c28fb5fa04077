using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.Generation;
using Xunit;
using Xunit.Abstractions;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// After random programmes of the simulator, mutants of their events mixed into their batches,
/// Reporting's 15 indicators (no filter, and one region), every breakdown cell included, equal the simulator's oracle over the
/// events accepted, through RabbitMQ; every programme event is accepted (or a duplicate, for a
/// retried batch or a seed drawn again) and no mutant is.
/// </summary>
public sealed class FiguresMatchTheModelTests(FiguresFuzzFixture system, ITestOutputHelper output) : IClassFixture<FiguresFuzzFixture>
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(120);

    [Fact]
    public Task The_figures_equal_the_oracles_over_the_events_accepted() =>
        FuzzRun.CheckAsync(FuzzedProgramme.Gen, async programme =>
        {
            var seenBefore = system.WasPosted(programme.Seed);
            var wrong = new List<string>();
            foreach (var (service, events) in programme.Posts())
            {
                foreach (var chunk in WithinOneMiB(events))
                {
                    var request = FuzzRequest.Render(service, ContentMode.Batch, chunk, RequestFlaw.None, 0);
                    var answer = await Answer.SendAsync(system.Client(service), request);
                    Assert.True(answer.Status == 200 && answer.Results?.Count == chunk.Count, $"a batch of {chunk.Count} to {service} answered {answer}");
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        var status = answer.Results![i].Status;
                        if (chunk[i].Mutated ? status == "accepted" : status == "rejected")
                            wrong.Add($"{chunk[i]}: {answer.Results[i]}");
                    }
                }
            }

            Assert.True(wrong.Count == 0, $"answered outside the model:\n{string.Join("\n", wrong)}");
            system.Accepted(programme.Programme);
            output.WriteLine($"{programme.Programme.Events.Count} events{(seenBefore ? " (again)" : "")}, {programme.Mutants.Length} mutants; model: {system.Model.Returnees.Count} returnees");

            foreach (var query in new[] { IndicatorQuery.None, new IndicatorQuery(Region: "bamako") })
            {
                var expected = ExpectedIndicators.For(system.Model, query);
                var answered = await Eventually.UntilAsync(() => system.System.IndicatorsAsync(query.ToQueryString()),
                    r => Differences(expected, r).Count == 0, $"the indicators {query.ToQueryString()} to equal the oracle's", Drain);
                Assert.Empty(Differences(expected, answered));
            }
        }, bounded: 2, nameof(The_figures_equal_the_oracles_over_the_events_accepted), output, p => p.ToString(), per: 50);

    /// <summary>Every value and every breakdown cell that differs from the oracle's (a cell left out counts nothing).</summary>
    private static List<string> Differences(IReadOnlyList<ExpectedIndicator> expected, System.Text.Json.Nodes.JsonObject report)
    {
        var answered = report["indicators"]!.AsArray().ToDictionary(i => (string)i!["code"]!, i => i!.AsObject());
        var differences = new List<string>();
        foreach (var indicator in expected)
        {
            if (!answered.TryGetValue(indicator.Code, out var answer))
            {
                differences.Add($"{indicator.Code}: not answered");
                continue;
            }

            if ((decimal?)answer["value"] != indicator.Value) differences.Add($"{indicator.Code}: oracle {indicator.Value}, answered {answer["value"]}");
            var cells = answer["breakdown"]?.AsObject() ?? [];
            var dimensions = indicator.Breakdown.Keys.Union(cells.Select(c => c.Key));
            foreach (var dimension in dimensions)
            {
                var keys = (indicator.Breakdown.GetValueOrDefault(dimension)?.Keys ?? []).Union(cells[dimension]?.AsObject().Select(c => c.Key) ?? []);
                foreach (var key in keys)
                {
                    var cell = cells[dimension]?[key];
                    var value = cell is null && cells[dimension]?.AsObject().ContainsKey(key) != true ? indicator.Cell(dimension, key) is null ? null : 0m : (decimal?)cell;
                    if (value != indicator.Cell(dimension, key))
                        differences.Add($"{indicator.Code} {dimension}={key}: oracle {indicator.Cell(dimension, key)}, answered {cell?.ToJsonString() ?? "nothing"}");
                }
            }
        }

        return differences;
    }

    /// <summary>The events in batches of at most 1 MiB, in order (mutants may push a full batch over).</summary>
    private static IEnumerable<IReadOnlyList<FuzzEvent>> WithinOneMiB(IReadOnlyList<FuzzEvent> events)
    {
        var chunk = new List<FuzzEvent>();
        var bytes = 2;
        foreach (var e in events)
        {
            if (chunk.Count > 0 && (bytes + e.Utf8.Length + 1 > 1024 * 1024 || chunk.Count == 500))
            {
                yield return chunk;
                (chunk, bytes) = ([], 2);
            }

            chunk.Add(e);
            bytes += e.Utf8.Length + 1;
        }

        if (chunk.Count > 0) yield return chunk;
    }
}
