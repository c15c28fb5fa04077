using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.Returnees;

/// <summary>A registered returnee's keys in the breakdowns, from their registration.</summary>
public static class ReturneeKeys
{
    public static (string, string) Sex(RegistrationReported r) => ("sex", r.Sex);

    public static (string, string) AgeGroup(RegistrationReported r) => ("ageGroup", r.AgeGroup);
}
