using Reintegration.Intake.Consent;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Case.CaseEvents;

namespace Reintegration.UnitTests.Intake.Case;

public sealed class UpdatingConsentTests
{
    private readonly Guid _returnee = Guid.NewGuid();
    private static readonly string Src = Envelopes.Source;

    [Fact]
    public void A_change_of_one_flag_keeps_the_others_as_registered() =>
        Consent.Given(Registered(_returnee))
            .When(Posted(Consent, _returnee, """{"counselling": false}""", Day(0)))
            .Then(new ConsentUpdated(_returnee, Day(0), Src, null, false, null, null, new ConsentGiven(true, false, false, ["urn:partner:childrens-fund"])));

    [Fact]
    public void A_new_data_sharing_list_replaces_the_old_one() =>
        Consent.Given(Registered(_returnee))
            .When(Posted(Consent, _returnee, """{"dataSharing": []}""", Day(0)))
            .Then(new ConsentUpdated(_returnee, Day(0), Src, null, null, null, [], new ConsentGiven(true, true, false, [])));

    [Fact]
    public void Withdrawing_consent_to_data_processing_erases_the_returnee() =>
        Consent.Given(Registered(_returnee))
            .When(Posted(Consent, _returnee, """{"dataProcessing": false}""", Day(0)))
            .Then(new ConsentUpdated(_returnee, Day(0), Src, false, null, null, null, new ConsentGiven(false, true, false, ["urn:partner:childrens-fund"])),
                new ReturneeErased(_returnee, Day(0)));

    [Fact]
    public void A_withdrawal_sent_again_adds_nothing() =>
        Consent.Given(Registered(_returnee), Withdrawal(Day(0)), new ReturneeErased(_returnee, Day(0)))
            .When(Posted(Consent, _returnee, """{"dataProcessing": false}""", Day(1)))
            .ThenNothingNew();

    [Fact]
    public void After_a_withdrawal_any_other_change_is_refused() =>
        Consent.Given(Registered(_returnee), Withdrawal(Day(0)), new ReturneeErased(_returnee, Day(0)))
            .When(Posted(Consent, _returnee, """{"counselling": true}""", Day(1)))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_withdrawal_is_accepted_even_when_the_case_is_closed() =>
        Consent.Given(Registered(_returnee), Closed(_returnee, Day(0)))
            .When(Posted(Consent, _returnee, """{"dataProcessing": false}""", Day(5)))
            .Then(new ConsentUpdated(_returnee, Day(5), Src, false, null, null, null, new ConsentGiven(false, true, false, ["urn:partner:childrens-fund"])),
                new ReturneeErased(_returnee, Day(5)));

    [Fact]
    public void Another_change_dated_after_the_closure_is_refused() =>
        Consent.Given(Registered(_returnee), Closed(_returnee, Day(0)))
            .When(Posted(Consent, _returnee, """{"counselling": false}""", Day(1)))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_late_synced_change_dated_before_the_closure_is_accepted() =>
        Consent.Given(Registered(_returnee), Closed(_returnee, Day(0)))
            .When(Posted(Consent, _returnee, """{"followUpContact": true}""", Day(-1)))
            .Then(new ConsentUpdated(_returnee, Day(-1), Src, null, null, true, null, new ConsentGiven(true, true, true, ["urn:partner:childrens-fund"])));

    [Fact]
    public void A_late_synced_older_change_does_not_undo_a_newer_one() =>
        Consent.Given(Registered(_returnee), new ConsentUpdated(_returnee, Day(5), Src, null, true, null, null, new ConsentGiven(true, true, false, ["urn:partner:childrens-fund"])))
            .When(Posted(Consent, _returnee, """{"counselling": false}""", Day(1)))
            .Then(new ConsentUpdated(_returnee, Day(1), Src, null, false, null, null, new ConsentGiven(true, true, false, ["urn:partner:childrens-fund"])));

    [Fact]
    public void The_same_change_sent_again_under_a_new_id_adds_nothing() =>
        Consent.Given(Registered(_returnee), new ConsentUpdated(_returnee, Day(0), Src, null, false, null, null, new ConsentGiven(true, false, false, ["urn:partner:childrens-fund"])))
            .When(Posted(Consent, _returnee, """{"counselling": false}""", Day(0)))
            .ThenNothingNew();

    [Fact]
    public void A_consent_update_for_a_returnee_not_registered_is_refused_so_the_partner_sends_the_registration_first() =>
        Consent.Given()
            .When(Posted(Consent, _returnee, """{"counselling": false}""", Day(0)))
            .ThenRejected(ProblemKind.NotRegistered);

    [Fact]
    public void An_update_stating_nothing_is_invalid() =>
        Consent.Prepare(Posted(Consent, _returnee, "{}", Day(0))).Problem.AssertOnlyField(ProblemKind.InvalidData, "data.dataProcessing");

    [Theory]
    [InlineData("""{"counselling": "no"}""", "data.counselling")]
    [InlineData("""{"dataSharing": [""]}""", "data.dataSharing[0]")]
    [InlineData("""{"consent": {"counselling": false}}""", "data.consent")]
    public void Invalid_fields_are_named(string data, string field) =>
        Consent.Prepare(Posted(Consent, _returnee, data, Day(0))).Problem.AssertField(ProblemKind.InvalidData, field);

    private ConsentUpdated Withdrawal(DateTimeOffset time) =>
        new(_returnee, time, Src, false, null, null, null, new ConsentGiven(false, true, false, ["urn:partner:childrens-fund"]));
}
