using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>The batch decision: events decided in array order, each seeing what the ones before it accepted.</summary>
public sealed class DecidingABatchTests
{
    private static IPendingEvent Pending(CloudEventEnvelope envelope) => Handler.Prepare(envelope).Pending!;

    private static IReadOnlyList<IngestionStatus> Statuses(DecidedBatch decided) => decided.Verdicts.Select(v => v.Status).ToList();

    [Fact]
    public void Given_nothing_stored_when_two_returnees_register_then_both_are_accepted_in_one_write()
    {
        var decided = BatchDecision.Decide([Pending(Registration(Guid.NewGuid(), ValidData())),
            Pending(Registration(Guid.NewGuid(), ValidData().Set("partnerReference", "\"NGO-2\"")))], StoredFacts.None);

        Assert.Equal([IngestionStatus.Accepted, IngestionStatus.Accepted], Statuses(decided));
        Assert.Equal(2, decided.Appends.Count);
        Assert.All(decided.Appends.Values, a => Assert.Equal(0, a.LoadedVersion));
        Assert.Equal(2, decided.NewClaims.Count);
    }

    [Fact]
    public void Given_nothing_stored_when_a_batch_registers_one_returnee_twice_with_other_details_then_the_second_contradicts_the_first()
    {
        var returnee = Guid.NewGuid();

        var decided = BatchDecision.Decide([Pending(Registration(returnee, ValidData())),
            Pending(Registration(returnee, ValidData().Set("region", "\"kayes\"")))], StoredFacts.None);

        Assert.Equal([IngestionStatus.Accepted, IngestionStatus.Rejected], Statuses(decided));
        Assert.Equal(ProblemKind.Contradiction, decided.Verdicts[1].Problem!.Kind);
        Assert.Single(Assert.Single(decided.Appends).Value.Events);
    }

    [Fact]
    public void Given_nothing_stored_when_a_batch_gives_one_partner_reference_to_two_returnees_then_the_second_is_refused()
    {
        var decided = BatchDecision.Decide([Pending(Registration(Guid.NewGuid(), ValidData())),
            Pending(Registration(Guid.NewGuid(), ValidData()))], StoredFacts.None);

        Assert.Equal([IngestionStatus.Accepted, IngestionStatus.Rejected], Statuses(decided));
        Assert.Equal(ProblemKind.Contradiction, decided.Verdicts[1].Problem!.Kind);
        Assert.Single(decided.NewClaims);
    }

    [Fact]
    public void Given_an_accepted_event_when_it_is_sent_again_and_then_its_id_is_reused_then_duplicate_and_conflict()
    {
        var returnee = Guid.NewGuid();
        var first = Registration(returnee, ValidData(), id: "reg-1");
        var stored = new StoredFacts(
            new Dictionary<string, IngestionRecord> { [first.Key] = new(first.Key, first.Fingerprint, first.Type, returnee, Envelopes.At) },
            new Dictionary<string, UniqueClaim>(),
            new Dictionary<Guid, StoredStream> { [returnee] = new(1, [RegisterReturnee.CommandOf(Pending(first))]) });

        var decided = BatchDecision.Decide([Pending(Registration(returnee, ValidData(), id: "reg-1")),
            Pending(Registration(returnee, ValidData().Set("region", "\"kayes\""), id: "reg-1"))], stored);

        Assert.Equal([IngestionStatus.Duplicate, IngestionStatus.Rejected], Statuses(decided));
        Assert.Equal(ProblemKind.ContentMismatch, decided.Verdicts[1].Problem!.Kind);
        Assert.False(decided.WritesAnything);
    }

    [Fact]
    public void Given_a_stored_stream_when_an_event_appends_to_it_then_the_append_is_checked_against_the_stored_version()
    {
        var returnee = Guid.NewGuid();
        var stored = new StoredFacts(new Dictionary<string, IngestionRecord>(), new Dictionary<string, UniqueClaim>(),
            new Dictionary<Guid, StoredStream> { [returnee] = new(3, [new object(), new object(), new object()]) });

        var decided = BatchDecision.Decide([Pending(Registration(returnee, ValidData()))], stored);

        Assert.Equal(3, decided.Appends[returnee].LoadedVersion);
    }
}
