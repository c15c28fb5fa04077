using Xunit;

namespace Reintegration.IntegrationTests.Fault.Drill;

/// <summary>The drill's count of resent events, from the answers alone (no fault, no service).</summary>
public sealed class ReconciliationTests
{
    private static (int Accepted, int Duplicate) Resent(params string[][] answersPerEvent) =>
        Reconciliation.Resent(
            answersPerEvent.Select((_, i) => $"e{i}"),
            answersPerEvent.Select((a, i) => (Key: $"e{i}", Answers: (IReadOnlyList<string>)a)).ToDictionary(x => x.Key, x => x.Answers));

    [Fact]
    public void Given_an_answer_lost_after_the_commit_when_sent_again_and_answered_duplicate_then_it_counts_as_stored_before()
    {
        Assert.Equal((0, 1), Resent(["lost", "duplicate"]));
    }

    [Fact]
    public void Given_an_answer_lost_before_the_commit_when_sent_again_and_accepted_then_it_counts_as_accepted_when_resent()
    {
        Assert.Equal((1, 0), Resent(["lost", "lost", "accepted"]));
    }

    [Fact]
    public void Given_an_event_the_plan_sends_twice_when_the_second_sendings_answer_is_lost_then_it_counts_as_a_duplicate_not_accepted_again()
    {
        // Accepted at its first sending; the plan's second sending was stored as a duplicate and its answer dropped.
        Assert.Equal((0, 1), Resent(["accepted", "lost", "duplicate"]));
    }

    [Fact]
    public void Given_events_whose_answers_were_never_lost_when_counted_then_none_is_resent()
    {
        Assert.Equal((0, 0), Resent(["accepted"], ["accepted", "duplicate"]));
    }
}
