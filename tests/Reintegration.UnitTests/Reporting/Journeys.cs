using Reintegration.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

/// <summary>Reporting's journey log as the consumers write it, folded the way the projection folds it.</summary>
public static class Journeys
{
    public static DateTimeOffset Day(int month, int day, int hour = 9, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    public static ReturneeJourney Journey(Guid returnee, params object[] events) =>
        events.Aggregate((ReturneeJourney?)null, (journey, e) => ReturneeJourney.Fold(journey, returnee, e))!;

    public static RegistrationReported Registered(
        Guid returnee, DateTimeOffset time, string sex = "female", string ageGroup = "25-59", string region = "kita", string returnedFrom = "LY") =>
        new(returnee, time, sex, ageGroup, region, returnedFrom, "assisted-voluntary", DateOnly.FromDateTime(time.UtcDateTime.AddDays(-30)));

    public static CounsellingSessionReported Session(
        Guid returnee, DateTimeOffset time, string intervention = "basic-counselling", string modality = "in-person", Guid? sessionId = null) =>
        new(returnee, sessionId ?? Guid.NewGuid(), time, "individual", modality, intervention, 45);
}
