using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

/// <summary>Reading is strict: an unknown field or a value of the wrong JSON type is named, not ignored.</summary>
public sealed class RegistrationJsonShapeTests
{
    [Theory]
    [InlineData("nickname")]
    [InlineData("consent.marketing")]
    public void An_unknown_field_is_named(string field) =>
        ProblemWith(ValidData().SetText(field, "x")).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("partnerReference", "42")]
    [InlineData("dateOfBirth", "\"15/01/2001\"")]
    [InlineData("arrivalDate", "\"2025-11-02T00:00:00Z\"")]
    [InlineData("consent.counselling", "\"yes\"")]
    [InlineData("consent.dataSharing", "\"urn:partner:childrens-fund\"")]
    [InlineData("consent", "true")]
    public void A_value_of_the_wrong_JSON_type_or_format_is_named(string field, string value) =>
        ProblemWith(ValidData().Set(field, value)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("\"30\"")] // a string, not a number
    [InlineData("30.5")]  // not an integer
    public void An_age_that_is_not_a_JSON_integer_is_named(string value) =>
        ProblemWith(ValidData().Without("dateOfBirth").Set("age", value)).AssertOnlyField(ProblemKind.InvalidData, "data.age");

    [Theory]
    [InlineData("[]")]
    [InlineData("\"registration\"")]
    [InlineData("null")]
    public void Data_that_is_not_a_JSON_object_is_refused(string data) =>
        Registrations.Handler.Prepare(Envelopes.Envelope(Reintegration.Intake.Registration.RegisterReturnee.Type, Guid.NewGuid(), JsonEdit.Parse(data)))
            .Problem.AssertOnlyField(ProblemKind.InvalidData, "data");
}
