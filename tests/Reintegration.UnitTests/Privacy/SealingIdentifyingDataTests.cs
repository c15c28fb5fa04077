using System.Text;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Privacy;

public sealed class SealingIdentifyingDataTests
{
    private static readonly ReturneeIdentityData Identity = new("NGO-BKO-0042",
        new PersonalDetails("Aminata", "Traoré", new DateOnly(2001, 1, 15), null, "+22370123456", "Kita"));

    [Fact]
    public void Sealed_data_opens_with_its_key() =>
        Assert.Equal(Identity, Seal.Open<ReturneeIdentityData>(Seal.Close(Identity, TestKeys.For(Guid.Empty)), TestKeys.For(Guid.Empty)));

    [Fact]
    public void Sealed_data_does_not_open_with_another_key() =>
        Assert.Null(Seal.Open<ReturneeIdentityData>(Seal.Close(Identity, TestKeys.For(Guid.Empty)), Seal.NewKey()));

    [Fact]
    public void Once_the_key_is_deleted_nothing_opens() =>
        Assert.Null(Registered(Guid.NewGuid(), Envelopes.At).IdentityOf(key: null));

    [Fact]
    public void A_seal_holds_none_of_the_data_in_any_encoding_the_code_uses()
    {
        var seal = Seal.Close(Identity, Seal.NewKey());
        var stored = string.Join("|", seal.Nonce, seal.Ciphertext, seal.Tag);
        foreach (var value in new[] { "Aminata", "Traoré", "+22370123456", "2001-01-15", "NGO-BKO-0042", "Kita" })
        {
            Assert.DoesNotContain(value, stored);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)), stored);
        }
    }

    [Fact]
    public void The_same_data_under_the_same_key_seals_the_same_so_a_resent_registration_is_recognised()
    {
        var key = Seal.NewKey();
        Assert.Equal(Seal.Close(Identity, key), Seal.Close(Identity, key));
        Assert.NotEqual(Seal.Close(Identity, key), Seal.Close(Identity with { PartnerReference = "NGO-BKO-0043" }, key));
    }

    [Fact]
    public void A_registration_of_a_returnee_whose_data_was_erased_is_refused()
    {
        var returnee = Guid.NewGuid();
        Handler.Given(Registered(returnee, Envelopes.At.AddDays(-3))).AndErased()
            .When(Registration(returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);
    }

    [Fact]
    public void Ingestion_records_keep_a_hash_keyed_with_the_returnees_key_and_nothing_comparable_once_it_is_gone()
    {
        var returnee = Guid.NewGuid();
        var keyed = TestKeys.Ring([returnee]).Fingerprint(returnee, "ABC");

        Assert.NotEqual("ABC", keyed);
        Assert.Equal(keyed, TestKeys.Ring([returnee]).Fingerprint(returnee, "ABC"));
        Assert.Equal(KeyRing.ErasedFingerprint, TestKeys.Ring([], erased: [returnee]).Fingerprint(returnee, "ABC"));
        Assert.Equal("ABC", KeyRing.None.Fingerprint(returnee, "ABC"));
    }

    [Fact]
    public void A_resent_event_about_an_erased_returnee_is_already_known_and_changes_nothing()
    {
        var returnee = Guid.NewGuid();
        var envelope = Registration(returnee, ValidData(), id: "reg-1");
        var facts = new StoredFacts(
            new Dictionary<string, IngestionRecord> { [envelope.Key] = new(envelope.Key, "keyed-with-a-deleted-key", envelope.Type, returnee, Envelopes.At) },
            new Dictionary<string, UniqueClaim>(), new Dictionary<Guid, StoredStream>(), TestKeys.Ring([], erased: [returnee]));

        var decided = BatchDecision.Decide([Handler.Prepare(envelope).Pending!], facts);

        Assert.Equal(IngestionStatus.Duplicate, Assert.Single(decided.Verdicts).Status);
        Assert.False(decided.WritesAnything);
    }
}
