using Npgsql;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace Reintegration.IntegrationTests.Shutdown;

/// <summary>
/// A rollout or a drained node sends Intake SIGTERM while partners post. The batch in flight is
/// answered in full or its connection fails (then the partner sends it again, to another or a
/// restarted replica, and every event is accepted or a duplicate); and every event a partner was
/// told was accepted is in Intake's store and reaches the broker. Intake runs as a real process
/// (services/Intake/bin/Release), against a database and vhost of this test's own.
/// </summary>
public sealed class SigtermDuringABatchTests(ITestOutputHelper output)
{
    private const int Posters = 2;

    [Fact]
    public async Task SIGTERM_while_a_batch_is_in_flight_loses_nothing_a_partner_was_told_was_accepted()
    {
        await using var backend = await IsolatedBackend.CreateAsync();
        await using var published = await PublishedRegistrations.BindAsync(backend);
        var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 4000, Seed = 1201, NotAfter = DateTimeOffset.UtcNow });
        var batches = PostingBatch.Chunk(programme.RegistrationEvents, PostingPlan.MaxBatchSize)
            .Select((events, i) => PostingBatch.Of(i, PartnerService.Intake, "registrations", events)).ToList();

        // Given partners posting large batches of registrations without pause
        IReadOnlyList<PostingBatch> inFlight;
        IReadOnlyCollection<BatchOutcome> outcomes;
        await using (var intake = await IntakeProcess.StartAsync(backend))
        {
            using var client = intake.PartnerClient();
            var posting = new ContinuousPosting(client, batches);
            var run = posting.RunAsync(Posters);

            // When SIGTERM arrives while a batch has been sent and not answered
            do
            {
                var sent = posting.NextSentWhileWarm;
                if (await Task.WhenAny(sent, run) == run)
                    throw new InvalidOperationException($"Posting ended before a batch was in flight: {string.Join("; ", posting.Outcomes)}\n{intake.Tail}");
                inFlight = posting.InFlightWhile(intake.Terminate);
            } while (inFlight.Count == 0);

            await run;
            var exitCode = await intake.ExitCodeAsync(TimeSpan.FromSeconds(90));
            outcomes = posting.Outcomes;
            output.WriteLine($"In flight at SIGTERM: {string.Join(", ", inFlight)}");
            foreach (var outcome in outcomes) output.WriteLine(outcome.ToString());
            Assert.True(exitCode == 0, $"Intake exited with {exitCode} after SIGTERM:\n{intake.Tail}");
        }

        // Then each batch in flight was answered in full, or its connection failed; nothing was half-answered
        foreach (var batch in inFlight)
        {
            var outcome = outcomes.Single(o => o.Batch.Index == batch.Index);
            Assert.True(outcome.AnsweredInFull || outcome.ConnectionFailed, $"in flight at SIGTERM: {outcome}");
        }

        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.AnsweredInFull || outcome.ConnectionFailed, outcome.ToString());
            if (outcome.AnsweredInFull) Assert.All(outcome.Statuses!, s => Assert.Equal("accepted", s));
        }

        // And what had no answer, sent again to a restarted Intake, is answered accepted or duplicate, every event
        var told = outcomes.Where(o => o.AnsweredInFull).ToList();
        await using var restarted = await IntakeProcess.StartAsync(backend);
        using (var client = restarted.PartnerClient())
        {
            foreach (var unanswered in outcomes.Where(o => o.ConnectionFailed))
            {
                var resent = await ContinuousPosting.PostAsync(client, unanswered.Batch);
                Assert.True(resent.AnsweredInFull, $"sent again: {resent}\n{restarted.Tail}");
                Assert.All(resent.Statuses!, s => Assert.Contains(s, new[] { "accepted", "duplicate" }));
                told.Add(resent);
            }
        }

        Assert.Contains(told, o => o.Statuses!.Contains("accepted"));
        var events = told.SelectMany(o => o.Batch.Events).ToList();
        output.WriteLine($"{events.Count} events answered accepted or duplicate, {told.Count} batches; " +
                         $"{told.Sum(o => o.Statuses!.Count(s => s == "duplicate"))} duplicates on resend");

        // And every one of them is in Intake's store: its ingestion record and its returnee's stream
        Assert.Equal(events.Count, await CountAsync(backend, "select count(*) from intake.mt_doc_ingestionrecord where id = any(@keys)",
            events.Select(e => IngestionRecord.KeyFor(e.Source, e.Id)).ToArray()));
        Assert.Equal(events.Count, await CountAsync(backend, "select count(*) from intake.mt_streams where id = any(@keys)",
            events.Select(e => e.Subject).ToArray()));

        // And published: the subscription reaches the last event and every registration reaches the broker
        await Eventually.UntilAsync(() => PublishingLagAsync(backend), lag => lag == 0,
            "the integration-events subscription to reach the high-water mark", TimeSpan.FromSeconds(120));
        var missing = await Eventually.UntilAsync(
            () => Task.FromResult(events.Select(e => e.Subject).Except(published.Returnees).Count()), n => n == 0,
            "every registration a partner was told was accepted to reach the broker", TimeSpan.FromSeconds(60));
        Assert.Equal(0, missing);
    }

    private static async Task<long> CountAsync<T>(IsolatedBackend backend, string sql, T[] keys)
    {
        await using var connection = new NpgsqlConnection(backend.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter("keys", keys) } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Events committed but not yet handed to the publishing subscription (its progression behind the last sequence).</summary>
    private static async Task<long> PublishingLagAsync(IsolatedBackend backend)
    {
        await using var connection = new NpgsqlConnection(backend.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select coalesce((select max(seq_id) from intake.mt_events), 0) - " +
            "coalesce((select last_seq_id from intake.mt_event_progression where name = @name), 0)", connection)
        {
            Parameters = { new NpgsqlParameter("name", $"{IntegrationEventPublisher.SubscriptionName}:All") },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
