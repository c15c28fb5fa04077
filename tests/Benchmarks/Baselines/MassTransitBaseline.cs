using System.Diagnostics;
using MassTransit;
using Reintegration.Benchmarks.Report;

namespace Reintegration.Benchmarks.Baselines;

/// <summary>
/// MassTransit publish and consume over the local RabbitMQ, in the run's own vhost, with the same
/// receive settings of MassTransit's usual per-message consumer (prefetch 64, 16 concurrent) and a consumer that only counts.
/// Messages are published a page at a time, each page concurrently, the way the services'
/// publishing subscription does it; the clock stops when the last message is consumed.
/// </summary>
public static class MassTransitBaseline
{
    public const string Queue = "bench-raw";

    public static async Task<Throughput> RunAsync(Uri amqp, int messages, int pageSize, CancellationToken cancellationToken)
    {
        var counter = new Counter();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            var user = amqp.UserInfo.Split(':', 2);
            var vhost = amqp.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/'));
            rabbit.Host(amqp.Host, (ushort)(amqp.IsDefaultPort || amqp.Port <= 0 ? 5672 : amqp.Port), vhost, "reintegration-benchmark", h =>
            {
                h.Username(Uri.UnescapeDataString(user[0]));
                h.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
            });
            rabbit.ReceiveEndpoint(Queue, endpoint =>
            {
                endpoint.PrefetchCount = 64;
                endpoint.ConcurrentMessageLimit = 16;
                endpoint.Handler<RawPing>(_ =>
                {
                    counter.Consumed();
                    return Task.CompletedTask;
                });
            });
        });

        await bus.StartAsync(cancellationToken);
        try
        {
            await RoundAsync(bus, counter, 1_000, pageSize, cancellationToken); // warm-up: connections, channels, JIT
            return await RoundAsync(bus, counter, messages, pageSize, cancellationToken);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<Throughput> RoundAsync(IBus bus, Counter counter, int messages, int pageSize, CancellationToken cancellationToken)
    {
        var consumed = counter.Expect(messages);
        var started = Stopwatch.GetTimestamp();
        for (var page = 0; page < messages; page += pageSize)
        {
            var count = Math.Min(pageSize, messages - page);
            await Task.WhenAll(Enumerable.Range(page, count).Select(i => bus.Publish(new RawPing(i), cancellationToken)));
        }

        try
        {
            await consumed.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new BenchmarkFailure($"MassTransit: {counter.Count} of {messages} messages consumed after 120 s.");
        }

        return Throughput.Since(messages, started);
    }

    /// <summary>Counts consumed messages and completes a task when a round's number is reached.</summary>
    private sealed class Counter
    {
        private readonly Lock _gate = new();
        private int _count, _expected;
        private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count
        {
            get
            {
                lock (_gate) return _count;
            }
        }

        public Task Expect(int messages)
        {
            lock (_gate)
            {
                _count = 0;
                _expected = messages;
                _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _done.Task;
            }
        }

        public void Consumed()
        {
            lock (_gate)
            {
                if (++_count == _expected) _done.TrySetResult();
            }
        }
    }

    public sealed record RawPing(int Number);
}
