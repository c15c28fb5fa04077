using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.UnitTests.Messaging;

public sealed class IntegrationContractTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static ReturneeRegistered Registered() =>
        new(Guid.NewGuid(), At, "female", "18-24", "kayes", "LY", "assisted-voluntary", new DateOnly(2026, 2, 20), CounsellingConsent: true);

    [Fact]
    public void A_message_that_keeps_its_contract_has_no_violations() =>
        Assert.Empty(IntegrationContract.Violations(Registered()));

    [Fact]
    public void Members_the_contract_does_not_mark_optional_must_be_there()
    {
        // Given a registration deserialised from a message that lacked sex, age group and region
        var holed = Registered() with { Sex = null!, AgeGroup = null!, Region = null! };

        // Then each hole is named
        Assert.Equal(["Sex is missing", "AgeGroup is missing", "Region is missing"], IntegrationContract.Violations(holed));
    }

    [Fact]
    public void Ids_must_not_be_empty_and_times_must_be_set() =>
        Assert.Equal(["ReturneeId is empty", "RegisteredAt is not set", "ArrivalDate is not set"],
            IntegrationContract.Violations(Registered() with { ReturneeId = Guid.Empty, RegisteredAt = default, ArrivalDate = default }));

    [Fact]
    public void Members_that_carry_catalogue_codes_must_hold_one() =>
        Assert.Equal(["Sex 'f' is not a catalogue code", "AgeGroup '18-25' is not a catalogue code", "Region 'paris' is not a catalogue code"],
            IntegrationContract.Violations(Registered() with { Sex = "f", AgeGroup = "18-25", Region = "paris" }));

    [Fact]
    public void Optional_members_may_be_absent()
    {
        var worker = new TrainedWorker(Guid.NewGuid(), "male", "social-worker", Completed: false, PreTestScore: null, PostTestScore: null);

        Assert.Empty(IntegrationContract.Violations(worker));
    }

    [Fact]
    public void The_items_of_a_list_are_checked_too_and_named_by_position()
    {
        var training = new TrainingDelivered(Guid.NewGuid(), At, "pss-basics", "kita", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2),
        [
            new TrainedWorker(Guid.NewGuid(), "female", "nurse", true, 40, 70),
            new TrainedWorker(Guid.NewGuid(), null!, "nurse", true, 40, 70),
            null!,
        ]);

        Assert.Equal(["Participants[1].Sex is missing", "Participants[2] is missing"], IntegrationContract.Violations(training));
    }

    [Fact]
    public void A_long_value_is_not_repeated_whole_in_a_reason()
    {
        var reason = Assert.Single(IntegrationContract.Violations(Registered() with { Region = new string('x', 500) }));

        Assert.True(reason.Length < 100, reason);
    }
}
