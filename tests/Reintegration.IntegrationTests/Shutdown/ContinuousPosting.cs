using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.IntegrationTests.Shutdown;

/// <summary>What became of one posted batch: its answer's statuses in the order posted, or what broke.</summary>
public sealed record BatchOutcome(PostingBatch Batch, HttpStatusCode? Status, IReadOnlyList<string>? Statuses, string? Failure)
{
    public bool AnsweredInFull => Status == HttpStatusCode.OK && Statuses?.Count == Batch.Count;

    /// <summary>No answer at all: the connection was refused, reset or closed (the partner sends it again later).</summary>
    public bool ConnectionFailed => Status is null;

    public override string ToString() =>
        $"{Batch}: {(ConnectionFailed ? $"connection failed ({Failure})" : $"{(int)Status!} with {Statuses?.Count ?? 0} results{(Failure is null ? "" : $": {Failure}")}")}";
}

/// <summary>
/// Partners posting large batches without pause, several at a time, each poster stopping at its
/// first batch without an answer (as a field app would, until its next sync). It tells when a
/// batch has been sent in full after some batch was answered (the moment to send SIGTERM), and
/// which batches were sent and unanswered when the signal went.
/// </summary>
public sealed class ContinuousPosting(HttpClient client, IReadOnlyList<PostingBatch> batches)
{
    public const string BatchContentType = "application/cloudevents-batch+json";

    private readonly Lock _gate = new();
    private readonly HashSet<int> _inFlight = [];
    private readonly Dictionary<int, BatchOutcome> _outcomes = [];
    private TaskCompletionSource _nextSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next = -1;
    private int _answered;

    /// <summary>Completes when the next batch has been sent in full, once at least one batch was answered.</summary>
    public Task NextSentWhileWarm
    {
        get
        {
            lock (_gate) return _nextSent.Task;
        }
    }

    public IReadOnlyCollection<BatchOutcome> Outcomes
    {
        get
        {
            lock (_gate) return [.. _outcomes.Values.OrderBy(o => o.Batch.Index)];
        }
    }

    public Task RunAsync(int posters) => Task.WhenAll(Enumerable.Range(0, posters).Select(_ => Task.Run(PostUntilNoAnswerAsync)));

    /// <summary>
    /// Runs <paramref name="signal"/> while no answer can be recorded, and returns the batches that
    /// were sent in full and unanswered at that moment; empty when all had just been answered.
    /// </summary>
    public IReadOnlyList<PostingBatch> InFlightWhile(Action signal)
    {
        lock (_gate)
        {
            if (_inFlight.Count == 0) return [];
            signal();
            return [.. _inFlight.Order().Select(i => batches[i])];
        }
    }

    private async Task PostUntilNoAnswerAsync()
    {
        int i;
        while ((i = Interlocked.Increment(ref _next)) < batches.Count)
        {
            var outcome = await PostAsync(client, batches[i], () => Sent(i));
            lock (_gate)
            {
                _inFlight.Remove(i);
                _outcomes[i] = outcome;
                if (outcome.AnsweredInFull) _answered++;
            }

            if (!outcome.AnsweredInFull) return;
        }
    }

    private void Sent(int index)
    {
        lock (_gate)
        {
            _inFlight.Add(index);
            if (_answered == 0) return;
            _nextSent.TrySetResult();
            _nextSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Posts one batch and reads its answer; a connection that breaks is an outcome, not an exception.</summary>
    public static async Task<BatchOutcome> PostAsync(HttpClient client, PostingBatch batch, Action? sent = null)
    {
        using var content = new SignallingContent(batch.Utf8Json, sent);
        content.Headers.ContentType = new MediaTypeHeaderValue(BatchContentType);
        try
        {
            using var response = await client.PostAsync("events", content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) return new BatchOutcome(batch, response.StatusCode, null, body);
            var statuses = JsonNode.Parse(body)!["results"]!.AsArray().Select(r => (string)r!["status"]!).ToList();
            return new BatchOutcome(batch, response.StatusCode, statuses, null);
        }
        catch (HttpRequestException ex)
        {
            return new BatchOutcome(batch, null, null, ex.Message);
        }
    }

    /// <summary>The batch's bytes as a request body that says when they have all been written to the connection.</summary>
    private sealed class SignallingContent(ReadOnlyMemory<byte> body, Action? sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body);
            await stream.FlushAsync();
            sent?.Invoke();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
