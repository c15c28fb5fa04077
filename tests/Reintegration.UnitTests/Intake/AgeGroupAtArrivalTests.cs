using System.Text.Json.Nodes;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

/// <summary>The age group is the age at arrival, whether the partner sent a date of birth or the age stated when registered.</summary>
public sealed class AgeGroupAtArrivalTests
{
    private static Registration Register(Func<JsonObject, JsonObject> edit)
    {
        var envelope = Registration(Guid.NewGuid(), edit(ValidData()));
        var prepared = Handler.Prepare(envelope);
        Assert.Null(prepared.Problem);
        return RegisterReturnee.CommandOf(prepared.Pending!);
    }

    [Theory]
    [InlineData("2008-11-03", "2025-11-02", 16, "0-17")]  // eighteenth birthday the day after arrival
    [InlineData("2007-11-02", "2025-11-02", 18, "18-24")] // eighteenth birthday on the day of arrival
    [InlineData("2001-01-15", "2025-11-02", 24, "18-24")] // 25 by the time of registration, 24 at arrival
    [InlineData("2000-11-02", "2025-11-02", 25, "25-59")]
    [InlineData("1966-11-02", "2025-11-02", 59, "25-59")]
    [InlineData("1965-11-02", "2025-11-02", 60, "60+")]
    [InlineData("2025-11-02", "2025-11-02", 0, "0-17")]   // born on the day of arrival
    public void From_a_date_of_birth_the_age_is_counted_at_the_arrival_date(string dateOfBirth, string arrivalDate, int age, string ageGroup)
    {
        var registered = Register(d => d.SetText("dateOfBirth", dateOfBirth).SetText("arrivalDate", arrivalDate));

        Assert.Equal(age, registered.AgeAtArrival);
        Assert.Equal(ageGroup, registered.AgeGroup);
    }

    [Theory]
    [InlineData(25, "2026-02-01", 25, "25-59")] // arrived weeks ago: the stated age is the age at arrival
    [InlineData(25, "2024-12-01", 24, "18-24")] // arrived a year and more ago: one year less
    [InlineData(18, "2024-03-10", 16, "0-17")]  // two whole years to the day
    [InlineData(18, "2024-03-11", 17, "0-17")]  // one day short of two whole years
    public void From_a_stated_age_the_whole_years_since_arrival_are_taken_off(int statedAge, string arrivalDate, int age, string ageGroup)
    {
        var registered = Register(d => d.Without("dateOfBirth").Set("age", statedAge.ToString()).SetText("arrivalDate", arrivalDate));

        Assert.Equal(age, registered.AgeAtArrival);
        Assert.Equal(ageGroup, registered.AgeGroup);
        Assert.Equal(statedAge, registered.Identity.Person.StatedAge);
        Assert.Null(registered.Identity.Person.DateOfBirth);
    }
}
