using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

public sealed class RegistrationTextAndCodeRulesTests
{
    [Theory]
    [InlineData("partnerReference", 64)]
    [InlineData("givenName", 100)]
    [InlineData("familyName", 100)]
    [InlineData("commune", 100)]
    public void A_text_of_the_maximum_length_is_accepted(string field, int max) =>
        Assert.Null(ProblemWith(ValidData().SetText(field, new string('a', max))));

    [Theory]
    [InlineData("partnerReference", 64)]
    [InlineData("givenName", 100)]
    [InlineData("familyName", 100)]
    [InlineData("commune", 100)]
    public void A_text_one_character_too_long_is_named(string field, int max) =>
        ProblemWith(ValidData().SetText(field, new string('a', max + 1))).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("partnerReference", "")]
    [InlineData("givenName", "")]
    [InlineData("familyName", "   ")]
    [InlineData("commune", "")]
    public void An_empty_or_blank_text_is_named(string field, string text) =>
        ProblemWith(ValidData().SetText(field, text)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("sex", "male")]
    [InlineData("region", "bamako")]
    [InlineData("region", "taoudenit")]
    [InlineData("returnType", "humanitarian-evacuation")]
    [InlineData("returnType", "spontaneous")]
    [InlineData("returnType", "forced")]
    public void A_code_of_the_catalogue_is_accepted(string field, string code) =>
        Assert.Null(ProblemWith(ValidData().SetText(field, code)));

    [Theory]
    [InlineData("sex", "Female")]
    [InlineData("sex", "other")]
    [InlineData("region", "Bamako")]
    [InlineData("region", "timbuktu")]
    [InlineData("returnType", "voluntary")]
    [InlineData("returnType", "assisted_voluntary")]
    public void A_code_not_in_the_catalogue_is_named(string field, string code) =>
        ProblemWith(ValidData().SetText(field, code)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");
}
