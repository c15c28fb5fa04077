using Reintegration.Intake.Cases;

namespace Reintegration.Intake.Registration;

/// <summary>A returnee's registration as the desk reads it.</summary>
public sealed record ReturneeView(
    Guid Id,
    string PartnerReference,
    string Source,
    string GivenName,
    string FamilyName,
    string Sex,
    DateOnly? DateOfBirth,
    int? Age,
    int AgeAtArrival,
    string AgeGroup,
    string? Phone,
    string Region,
    string? Commune,
    string ReturnedFrom,
    DateOnly ArrivalDate,
    string ReturnType,
    ConsentGiven Consent,
    DateTimeOffset RegisteredAt)
{
    public static ReturneeView From(ReturneeCase c)
    {
        var r = c.Registration;
        return new ReturneeView(c.Id, r.PartnerReference, r.Source, r.Person.GivenName, r.Person.FamilyName, r.Sex,
            r.Person.DateOfBirth, r.Person.StatedAge, r.AgeAtArrival, r.AgeGroup, r.Person.Phone, r.Region, r.Person.Commune,
            r.ReturnedFrom, r.ArrivalDate, r.ReturnType, r.Consent, r.Time);
    }
}
