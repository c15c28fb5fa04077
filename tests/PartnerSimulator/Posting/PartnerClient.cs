using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Posting;

/// <summary>
/// Posts CloudEvents batches the way a partner system does: <c>POST events</c> relative to each
/// service's base address, <c>Content-Type: application/cloudevents-batch+json</c>. The caller
/// owns the HttpClients and their base addresses (a test passes WebApplicationFactory clients).
/// </summary>
public sealed class PartnerClient
{
    public const string BatchContentType = "application/cloudevents-batch+json";

    private readonly HttpClient _intake;
    private readonly HttpClient _counselling;
    private readonly HttpClient _training;
    private readonly PartnerClientOptions _options;

    public PartnerClient(HttpClient intake, HttpClient counselling, HttpClient training, PartnerClientOptions? options = null)
    {
        _intake = RequireBaseAddress(intake, nameof(intake));
        _counselling = RequireBaseAddress(counselling, nameof(counselling));
        _training = RequireBaseAddress(training, nameof(training));
        _options = options ?? new PartnerClientOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentPostsPerService, 1, nameof(options));
    }

    /// <summary>Posts one batch of a plan. Rejected events are tallied, not thrown.</summary>
    /// <exception cref="PartnerPostException">Not 200 OK, or a body that is not one result per event.</exception>
    public Task<BatchTally> PostBatchAsync(PostingBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return PostAsync(batch.Service, batch.Utf8Json, batch.Count, batch.Index, cancellationToken);
    }

    /// <summary>Posts any JSON array of events (e.g. a deliberately broken one) to a service.</summary>
    /// <exception cref="PartnerPostException">Not 200 OK, or a body that is not one result per event.</exception>
    public Task<BatchTally> PostBatchAsync(PartnerService service, JsonArray events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var body = JsonSerializer.SerializeToUtf8Bytes<JsonNode>(events, JsonFormat.Serializer);
        return PostAsync(service, body, events.Count, batchIndex: null, cancellationToken);
    }

    /// <summary>
    /// Posts every batch of the plan, in order, and returns the totals. Stops at the first
    /// <see cref="PartnerPostException"/>; rejected events do not stop it.
    /// </summary>
    public async Task<PostingTally> RunAsync(
        PostingPlan plan, IProgress<PostingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var totals = PostingTally.Empty;
        var gate = new Lock();

        void Record(PostingBatch batch, BatchTally answer)
        {
            // Concurrent posts finish in any order; totals and progress lines stay consistent.
            lock (gate)
            {
                totals = totals.Add(answer);
                progress?.Report(new PostingProgress(totals.Batches, plan.Batches.Count, batch, answer, totals));
            }
        }

        if (_options.MaxConcurrentPostsPerService == 1)
        {
            foreach (var batch in plan.Batches)
                Record(batch, await PostBatchAsync(batch, cancellationToken).ConfigureAwait(false));
            return totals;
        }

        // Consecutive batches of the same step form a run; runs follow each other, batches
        // within a run overlap up to the limit (no event depends on another of its step). A retry waits for its original to be answered,
        // since that is what makes it a retry.
        var posts = new Dictionary<int, Task>();
        foreach (var run in Runs(plan.Batches))
        {
            using var slots = new SemaphoreSlim(_options.MaxConcurrentPostsPerService);
            var running = new List<Task>(run.Count);
            foreach (var batch in run)
            {
                var original = batch.RetryOf is { } o ? posts.GetValueOrDefault(o) : null;
                var post = PostInSlot(batch, original, slots);
                posts[batch.Index] = post;
                running.Add(post);
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }

        return totals;

        async Task PostInSlot(PostingBatch batch, Task? original, SemaphoreSlim slots)
        {
            if (original is not null) await original.ConfigureAwait(false);
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Record(batch, await PostBatchAsync(batch, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private async Task<BatchTally> PostAsync(
        PartnerService service, ReadOnlyMemory<byte> body, int eventCount, int? batchIndex, CancellationToken cancellationToken)
    {
        var client = service switch
        {
            PartnerService.Intake => _intake,
            PartnerService.Counselling => _counselling,
            PartnerService.Training => _training,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
        };

        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(BatchContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "events") { Content = content };
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var uri = response.RequestMessage?.RequestUri ?? request.RequestUri;

        if (response.StatusCode != HttpStatusCode.OK)
            throw new PartnerPostException(service, uri, response.StatusCode, text, "the batch was not answered 200 OK");

        return BatchAnswer.Read(service, uri, text, eventCount, batchIndex);
    }

    private static List<List<PostingBatch>> Runs(IReadOnlyList<PostingBatch> batches)
    {
        var runs = new List<List<PostingBatch>>();
        foreach (var batch in batches)
        {
            if (runs.Count == 0 || runs[^1][0].Service != batch.Service || runs[^1][0].Step != batch.Step) runs.Add([]);
            runs[^1].Add(batch);
        }

        return runs;
    }

    private static HttpClient RequireBaseAddress(HttpClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client, name);
        return client.BaseAddress is not null
            ? client
            : throw new ArgumentException("The HttpClient needs a BaseAddress: batches are posted to 'events' relative to it.", name);
    }
}
