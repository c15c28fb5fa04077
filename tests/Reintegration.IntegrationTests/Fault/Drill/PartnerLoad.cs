using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.IntegrationTests.Fault.Drill;

/// <summary>
/// The partners under a fault: the simulator's plan, its steps in order and up to
/// <c>concurrency</c> batches of a step in flight per service, and every answer recorded per
/// event. A batch whose answer is lost (the connection dropped, a timeout, a 503 while the
/// database is away) is sent again as it was, as a partner's field app does, until it is answered
/// or <see cref="BatchDeadline"/> passes.
/// </summary>
public sealed class PartnerLoad(Func<PartnerService, HttpClient> clientFor, int concurrency)
{
    public static readonly TimeSpan BatchDeadline = TimeSpan.FromSeconds(150);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _answers = new();
    private readonly ConcurrentDictionary<PartnerService, int> _toDrop = new();
    private readonly ConcurrentBag<string> _dropped = [];
    private int _answered;
    private int _lost;

    /// <summary>Called as each batch is about to be posted (e.g. to kill a service mid-batch).</summary>
    public Func<PostingBatch, Task>? BeforePost { get; init; }

    /// <summary>Batches answered 200 so far.</summary>
    public int BatchesAnswered => Volatile.Read(ref _answered);

    /// <summary>Posts whose answer never came (or came as 503): each was sent again.</summary>
    public int AnswersLost => Volatile.Read(ref _lost);

    /// <summary>Every answer per event (<c>source|id</c>), in the order received: accepted, duplicate, rejected, or lost (no answer).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers =>
        _answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Value]);

    public static string Key(PartnerEvent e) => $"{e.Source}|{e.Id}";

    /// <summary>
    /// The answers of the next <paramref name="posts"/> posts to the service that come back 200
    /// are dropped unread, as when a field app's connection goes before it reads the answer: the
    /// service has stored the batch (it answers only after its commit), the partner does not know
    /// and sends it again, and must be answered duplicate.
    /// </summary>
    public void DropAnswers(PartnerService service, int posts) => _toDrop[service] = posts;

    /// <summary>The events whose 200 answer <see cref="DropAnswers"/> dropped after the service had stored them.</summary>
    public IReadOnlyCollection<string> DroppedAfterCommit => [.. _dropped];

    public async Task RunAsync(PostingPlan plan, CancellationToken cancellationToken)
    {
        var posts = new Dictionary<int, Task>();
        foreach (var run in Runs(plan.Batches))
        {
            using var slots = new SemaphoreSlim(concurrency);
            var running = new List<Task>(run.Count);
            foreach (var batch in run)
            {
                var original = batch.RetryOf is { } o ? posts.GetValueOrDefault(o) : null;
                var post = PostInSlotAsync(batch, original, slots, cancellationToken);
                posts[batch.Index] = post;
                running.Add(post);
            }

            await Task.WhenAll(running);
        }
    }

    private async Task PostInSlotAsync(PostingBatch batch, Task? original, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        if (original is not null) await original;
        await slots.WaitAsync(cancellationToken);
        try
        {
            await PostUntilAnsweredAsync(batch, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task PostUntilAnsweredAsync(PostingBatch batch, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + BatchDeadline;
        string? last = null;
        for (var attempt = 1; ; attempt++)
        {
            if (BeforePost is { } hook && attempt == 1) await hook(batch);
            var answer = await TryPostAsync(batch, cancellationToken);
            if (answer.Results is { } results)
            {
                for (var i = 0; i < batch.Count; i++) Record(batch.Events[i], results[i]);
                Interlocked.Increment(ref _answered);
                return;
            }

            last = answer.Problem;
            Interlocked.Increment(ref _lost);
            foreach (var e in batch.Events) Record(e, "lost");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"Batch {batch} to {batch.Service} was not answered within {BatchDeadline.TotalSeconds:0} s ({attempt} attempts); last: {last}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private async Task<(string[]? Results, string? Problem)> TryPostAsync(PostingBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ReadOnlyMemoryContent(batch.Utf8Json);
            content.Headers.ContentType = new MediaTypeHeaderValue(PartnerClient.BatchContentType);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            using var response = await clientFor(batch.Service).PostAsync("events", content, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK) return (null, $"{(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            if (_toDrop.TryGetValue(batch.Service, out var left) && left > 0 && _toDrop.TryUpdate(batch.Service, left - 1, left))
            {
                foreach (var e in batch.Events) _dropped.Add(Key(e));
                return (null, "answer dropped unread (stored, the partner does not know)");
            }

            var results = JsonNode.Parse(body)?["results"] as JsonArray;
            if (results is null || results.Count != batch.Count)
                throw new InvalidOperationException($"Batch {batch}: the answer is not one result per event: {body[..Math.Min(300, body.Length)]}");
            return ([.. results.Select(r => (string?)r?["status"] ?? "missing")], null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Record(PartnerEvent e, string answer) =>
        _answers.GetOrAdd(Key(e), _ => new ConcurrentQueue<string>()).Enqueue(answer);

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
}
