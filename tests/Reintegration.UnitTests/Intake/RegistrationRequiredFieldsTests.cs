using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

public sealed class RegistrationRequiredFieldsTests
{
    [Fact]
    public void The_catalogue_example_registration_is_valid() =>
        Assert.Null(ProblemWith(ValidData()));

    [Theory]
    [InlineData("phone")]
    [InlineData("commune")]
    [InlineData("consent.dataSharing")]
    public void An_optional_field_may_be_left_out(string field) =>
        Assert.Null(ProblemWith(ValidData().Without(field)));

    [Theory]
    [InlineData("partnerReference")]
    [InlineData("givenName")]
    [InlineData("familyName")]
    [InlineData("sex")]
    [InlineData("region")]
    [InlineData("returnedFrom")]
    [InlineData("arrivalDate")]
    [InlineData("returnType")]
    [InlineData("consent")]
    [InlineData("consent.dataProcessing")]
    [InlineData("consent.counselling")]
    [InlineData("consent.followUpContact")]
    public void A_required_field_left_out_is_named(string field) =>
        ProblemWith(ValidData().Without(field)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("partnerReference")]
    [InlineData("sex")]
    [InlineData("consent.counselling")]
    public void A_required_field_sent_as_null_is_named(string field) =>
        ProblemWith(ValidData().Set(field, "null")).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");
}
