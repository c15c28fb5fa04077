namespace Reintegration.ServiceDefaults.Reference;

/// <summary>The catalogue's age groups, derived from age at arrival.</summary>
public static class AgeGroup
{
    public static string Of(int ageAtArrival) => ageAtArrival switch
    {
        < 18 => "0-17",
        < 25 => "18-24",
        < 60 => "25-59",
        _ => "60+",
    };

    /// <summary>Whole years between a birth date and a later date.</summary>
    public static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }
}
