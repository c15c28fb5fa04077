using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

public sealed class RegistrationAgeRulesTests
{
    [Fact]
    public void A_stated_age_instead_of_a_date_of_birth_is_accepted() =>
        Assert.Null(ProblemWith(ValidData().Without("dateOfBirth").Set("age", "30")));

    [Fact]
    public void Both_a_date_of_birth_and_an_age_are_refused() =>
        ProblemWith(ValidData().Set("age", "24")).AssertOnlyField(ProblemKind.InvalidData, "data.age");

    [Fact]
    public void Neither_a_date_of_birth_nor_an_age_is_refused() =>
        ProblemWith(ValidData().Without("dateOfBirth")).AssertOnlyField(ProblemKind.InvalidData, "data.age");

    [Theory]
    [InlineData(0)]
    [InlineData(120)]
    public void An_age_at_the_ends_of_0_to_120_is_accepted(int age) =>
        Assert.Null(ProblemWith(ValidData().Without("dateOfBirth").Set("age", age.ToString())));

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void An_age_outside_0_to_120_is_named(int age) =>
        ProblemWith(ValidData().Without("dateOfBirth").Set("age", age.ToString())).AssertOnlyField(ProblemKind.InvalidData, "data.age");

    [Fact]
    public void A_date_of_birth_after_the_arrival_date_is_named() =>
        ProblemWith(ValidData().SetText("dateOfBirth", "2025-11-03")).AssertOnlyField(ProblemKind.InvalidData, "data.dateOfBirth");

    [Fact]
    public void A_date_of_birth_on_the_arrival_date_is_accepted() =>
        Assert.Null(ProblemWith(ValidData().SetText("dateOfBirth", "2025-11-02")));

    [Fact]
    public void A_date_of_birth_giving_an_age_above_120_at_arrival_is_named() =>
        ProblemWith(ValidData().SetText("dateOfBirth", "1904-11-02")).AssertOnlyField(ProblemKind.InvalidData, "data.dateOfBirth");

    [Fact]
    public void A_date_of_birth_giving_an_age_of_120_at_arrival_is_accepted() =>
        Assert.Null(ProblemWith(ValidData().SetText("dateOfBirth", "1905-11-02")));
}
