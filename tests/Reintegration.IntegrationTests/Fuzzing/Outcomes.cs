using System.Collections.Concurrent;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>How often each answer came back in a property's run, printed after it: a fuzzer that only ever hits one 400 tests little.</summary>
public sealed class Outcomes
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Add(Answer answer, int events)
    {
        if (answer.Results is null && answer.Status >= 400) Count($"request {answer.Status} {Slug(answer.Problem)}");
        else foreach (var e in answer.PerEvent(events)) Count(e.Problem is null ? e.Status : $"{e.Status} {Slug(e.Problem)}");
    }

    public override string ToString() =>
        string.Join("\n", _counts.OrderByDescending(c => c.Value).Select(c => $"  {c.Value,6}  {c.Key}"));

    private void Count(string what) => _counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    private static string Slug(string? problem) => problem?.Replace("urn:reintegration:problem:", "", StringComparison.Ordinal) ?? "(no problem type)";
}
