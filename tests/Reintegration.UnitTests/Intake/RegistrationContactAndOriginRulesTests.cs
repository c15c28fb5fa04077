using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

public sealed class RegistrationContactAndOriginRulesTests
{
    [Theory]
    [InlineData("+22370123456")]
    [InlineData("+2250701234567")]
    [InlineData("+123456789012345")] // fifteen digits, E.164's most
    public void An_E164_phone_number_is_accepted(string phone) =>
        Assert.Null(ProblemWith(ValidData().SetText("phone", phone)));

    [Theory]
    [InlineData("70123456")]          // no country code
    [InlineData("0022370123456")]     // international prefix instead of +
    [InlineData("+223 70 12 34 56")]  // spaces
    [InlineData("+02237012345")]      // country codes do not start with 0
    [InlineData("+1234567890123456")] // sixteen digits
    [InlineData("+22370abc456")]
    public void A_phone_number_not_in_E164_is_named(string phone) =>
        ProblemWith(ValidData().SetText("phone", phone)).AssertOnlyField(ProblemKind.InvalidData, "data.phone");

    [Theory]
    [InlineData("DZ")]
    [InlineData("NE")]
    [InlineData("ML")]
    public void An_ISO_country_code_in_upper_case_is_accepted(string country) =>
        Assert.Null(ProblemWith(ValidData().SetText("returnedFrom", country)));

    [Theory]
    [InlineData("ly")]    // lower case
    [InlineData("Ly")]
    [InlineData("LBY")]   // alpha-3
    [InlineData("XX")]    // not assigned
    [InlineData("Libya")]
    public void A_country_that_is_not_an_upper_case_ISO_alpha_2_code_is_named(string country) =>
        ProblemWith(ValidData().SetText("returnedFrom", country)).AssertOnlyField(ProblemKind.InvalidData, "data.returnedFrom");

    [Fact]
    public void An_arrival_date_after_the_event_time_is_named() =>
        ProblemWith(ValidData().SetText("arrivalDate", "2026-03-11"), time: Envelopes.At)
            .AssertOnlyField(ProblemKind.InvalidData, "data.arrivalDate");

    [Fact]
    public void An_arrival_on_the_day_of_the_event_is_accepted() =>
        Assert.Null(ProblemWith(ValidData().SetText("arrivalDate", "2026-03-10"), time: Envelopes.At));
}
