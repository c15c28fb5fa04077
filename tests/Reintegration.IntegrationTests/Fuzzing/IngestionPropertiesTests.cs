using System.Text.Json.Nodes;
using CsCheck;
using Reintegration.ServiceDefaults.Ingestion;
using Xunit;
using Xunit.Abstractions;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// Property-based fuzzing of <c>POST /events</c> on Intake, Counselling and Training: events of
/// every type from the partner simulator, mutated by CsCheck, alone, in batches mixed with valid
/// ones and in binary mode, with flawed bodies, content types and headers. Each property runs a
/// bounded number of cases here and many more under <c>build/fuzz.sh</c> (docs/fuzzing.md).
/// </summary>
public sealed class IngestionPropertiesTests(IngestionFuzzFixture services, ITestOutputHelper output) : IClassFixture<IngestionFuzzFixture>
{
    /// <summary>Problem kinds whose answer depends on what is stored, which a request's own accepted events may change.</summary>
    private static readonly string[] StateKinds =
        ["state-forbids", "returnee-not-registered", "training-not-known", "contradicts-stored-fact"];

    private readonly Outcomes outcomes = new();

    [Fact]
    public Task No_body_header_or_encoding_is_answered_with_a_server_error() =>
        FuzzRun.CheckAsync(FuzzRequest.Gen(FuzzEvent.Several()), async request =>
        {
            var answer = await Answer.SendAsync(services.Client(request.Service), request);
            outcomes.Add(answer, request.Events.Count);
            Assert.False(answer.IsServerError, $"answered {answer}");
            if (answer.Status >= 400)
            {
                Assert.Equal("application/problem+json", answer.MediaType);
                Assert.StartsWith("urn:reintegration:problem:", answer.Problem);
            }

            if (answer.Results is { } results && request.Intact) Assert.Equal(request.Events.Count, results.Count);
        }, bounded: 60, nameof(No_body_header_or_encoding_is_answered_with_a_server_error), output, r => r.ToString(), outcomes: outcomes);

    [Fact]
    public Task A_rejected_event_leaves_no_trace_in_the_services_schema() =>
        FuzzRun.CheckAsync(FuzzRequest.Gen(FuzzEvent.Several(freshSubjectForMutants: true)), async request =>
        {
            var rows = services.Rows(request.Service);
            await services.WaitUntilCaughtUpAsync(request.Service);
            var before = await rows.SnapshotAsync();
            var answer = await Answer.SendAsync(services.Client(request.Service), request);
            var after = await rows.SnapshotAsync();
            outcomes.Add(answer, request.Events.Count);
            Assert.False(answer.IsServerError, $"answered {answer}");

            var accepted = Accepted(request, answer);
            // Exactly the accepted events' records are new: no rejected event left one.
            var binary = request.Mode == ContentMode.Binary;
            var expectedKeys = accepted.Select(e => IngestionRecord.KeyFor(e.Attribute("source", binary)!, e.Attribute("id", binary)!)).ToHashSet();
            Assert.Equal(expectedKeys.Order(), after.RecordKeys.Except(before.RecordKeys).Order());

            if (accepted.Count == 0)
            {
                // Nothing accepted: not one row more or less, in any table of the schema.
                Assert.Equal(Describe(before.Rows), Describe(after.Rows));
                Assert.Equal(before.LastSequence, after.LastSequence);
                return;
            }

            // Every event stored since is on a stream an accepted event names (mutants are about subjects of their own).
            var named = accepted.SelectMany(StreamsNamed).ToHashSet();
            var stored = await rows.StreamsAfterAsync(before.LastSequence);
            Assert.True(stored.Keys.All(named.Contains),
                $"events stored on streams no accepted event names: {string.Join(", ", stored.Keys.Where(s => !named.Contains(s)))}; answered {answer}");
        }, bounded: 30, nameof(A_rejected_event_leaves_no_trace_in_the_services_schema), output, r => r.ToString(), outcomes: outcomes);

    [Fact]
    public Task An_accepted_event_resent_is_a_duplicate_and_a_rejected_one_is_rejected_again() =>
        FuzzRun.CheckAsync(Gen.Select(FuzzRequest.Gen(FuzzEvent.Several()), CollidingKeys.Pairs), async test =>
        {
            var (request, pair) = test;
            var client = services.Client(request.Service);
            var first = await Answer.SendAsync(client, request);
            var again = await Answer.SendAsync(client, request);
            outcomes.Add(first, request.Events.Count);
            Assert.False(first.IsServerError || again.IsServerError, $"answered {first}, then {again}");

            if (first.Status >= 400 && first.Results is null)
            {
                Assert.Equal((first.Status, first.Problem), (again.Status, again.Problem));
            }
            else
            {
                var before = first.PerEvent(request.Events.Count);
                var after = again.PerEvent(request.Events.Count);
                for (var i = 0; i < before.Count; i++)
                {
                    if (before[i].Status is "accepted" or "duplicate")
                        Assert.True(after[i].Status == "duplicate", $"event {i}: {before[i]}, resent: {after[i]}");
                    else if (before[i].Problem is { } kind && StateKinds.Any(kind.EndsWith) && after[i].Status == "accepted")
                        // Rejected for what was stored; accepted once events later in the same request were.
                        Assert.True(before.Skip(i + 1).Any(a => a.Status == "accepted"), $"event {i}: {before[i]}, resent: {after[i]}");
                    else
                        Assert.True(before[i] == after[i], $"event {i}: {before[i]}, resent: {after[i]}");
                }
            }

            // Two keys that would be one as a plain (or bar-only escaped) source|id are two events.
            var one = await Answer.SendAsync(services.Client(pair.First.Service), FuzzRequest.Render(pair.First.Service, ContentMode.Structured, [pair.First], RequestFlaw.None, 0));
            var other = await Answer.SendAsync(services.Client(pair.Second.Service), FuzzRequest.Render(pair.Second.Service, ContentMode.Structured, [pair.Second], RequestFlaw.None, 0));
            Assert.False(one.IsServerError || other.IsServerError, $"answered {one}, then {other}");
            Assert.True(other.Status != 200 && other.Problem?.EndsWith("id-reused-with-other-content") != true,
                $"({pair.First.Source}, {pair.First.Id}) answered {one}; ({pair.Second.Source}, {pair.Second.Id}) taken for it: {other}");
        }, bounded: 30, nameof(An_accepted_event_resent_is_a_duplicate_and_a_rejected_one_is_rejected_again), output,
            t => $"{t.Item1}\n  colliding pair: {t.Item2.First} / {t.Item2.Second}", outcomes: outcomes);

    /// <summary>The events the answer says were accepted.</summary>
    private static List<FuzzEvent> Accepted(FuzzRequest request, Answer answer)
    {
        if (answer.Status == 202) return [request.Events[0]];
        if (answer.Results is not { } results) return [];
        return [.. results.Select((r, i) => (r, i)).Where(x => x.r.Status == "accepted").Select(x => request.Events[x.i])];
    }

    /// <summary>The streams an event may append to: its subject and every UUID its data names (participants, workers).</summary>
    private static IEnumerable<Guid> StreamsNamed(FuzzEvent e)
    {
        if (e.Json["subject"] is JsonValue v && v.TryGetValue<string>(out var subjectText) && Guid.TryParse(subjectText, out var subject)) yield return subject;
        foreach (var text in Strings(e.Json["data"]))
            if (Guid.TryParseExact(text, "D", out var named)) yield return named;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static string Describe(IReadOnlyDictionary<string, long> rows) => string.Join(", ", rows.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"));
}
