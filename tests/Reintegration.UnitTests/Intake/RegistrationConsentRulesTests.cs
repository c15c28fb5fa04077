using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

public sealed class RegistrationConsentRulesTests
{
    [Fact]
    public void Without_consent_to_data_processing_a_returnee_cannot_be_registered() =>
        ProblemWith(ValidData().Set("consent.dataProcessing", "false"))
            .AssertOnlyField(ProblemKind.InvalidData, "data.consent.dataProcessing");

    [Fact]
    public void Refusing_counselling_and_follow_up_contact_is_a_valid_registration() =>
        Assert.Null(ProblemWith(ValidData().Set("consent.counselling", "false").Set("consent.followUpContact", "false")));

    [Fact]
    public void An_empty_data_sharing_list_is_accepted() =>
        Assert.Null(ProblemWith(ValidData().Set("consent.dataSharing", "[]")));
}
