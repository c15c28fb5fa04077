using Reintegration.Intake.Duplicates;
using Reintegration.Intake.Registration;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Intake.Duplicates;

public sealed class MatchingPossibleDuplicatesTests
{
    private static readonly DateTimeOffset Registered = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static PersonalDetails Person(string given, string family, DateOnly? born = null, int? age = null) => new(given, family, born, age, null, null);

    [Theory]
    [InlineData("Awa Traoré", "awa traore")]
    [InlineData("  TRAORÉ,  Awa ", "awa traore")]
    [InlineData("Aïssata N'Diaye", "aissata diaye n")]
    public void Names_are_compared_without_case_accents_punctuation_or_word_order(string name, string expected) =>
        Assert.Equal(expected, NameKey.Normalise(name));

    [Fact]
    public void The_same_person_registered_with_a_birth_date_and_with_a_stated_age_matches()
    {
        var withDate = NameKey.Of(TestKeys.BlindIndex, Person("Awa", "Traoré", new DateOnly(2001, 5, 2)), "kita", Registered);
        var withAge = NameKey.Candidates(TestKeys.BlindIndex, Person("TRAORE", "awa", age: 24), "kita", Registered);

        Assert.Contains(withDate, withAge);
    }

    [Fact]
    public void The_middle_candidate_is_the_registrations_own_key()
    {
        var person = Person("Awa", "Traoré", age: 24);

        Assert.Equal(NameKey.Of(TestKeys.BlindIndex, person, "kita", Registered), NameKey.Candidates(TestKeys.BlindIndex, person, "kita", Registered)[1]);
    }

    [Fact]
    public void Another_region_or_a_birth_year_two_apart_does_not_match()
    {
        var candidates = NameKey.Candidates(TestKeys.BlindIndex, Person("Awa", "Traoré", new DateOnly(2001, 5, 2)), "kita", Registered);

        Assert.DoesNotContain(NameKey.Of(TestKeys.BlindIndex, Person("Awa", "Traoré", new DateOnly(2001, 5, 2)), "kayes", Registered), candidates);
        Assert.DoesNotContain(NameKey.Of(TestKeys.BlindIndex, Person("Awa", "Traoré", new DateOnly(2003, 5, 2)), "kita", Registered), candidates);
    }

    [Fact]
    public void The_key_is_a_keyed_hash_that_holds_no_part_of_the_name() =>
        Assert.DoesNotContain("traore", NameKey.Of(TestKeys.BlindIndex, Person("Awa", "Traoré", new DateOnly(2001, 5, 2)), "kita", Registered).ToLowerInvariant());
}
