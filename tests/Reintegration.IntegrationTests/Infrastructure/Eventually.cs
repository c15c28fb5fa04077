namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition rather than for a time: polls until it holds, fails with what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        T last;
        while (true)
        {
            last = await probe();
            if (condition(last)) return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0}s for {what}; last seen: {Describe(last)}");
            await Task.Delay(100);
        }
    }

    private static string Describe<T>(T value) => value is System.Text.Json.Nodes.JsonNode node ? node.ToJsonString() : value?.ToString() ?? "null";
}
