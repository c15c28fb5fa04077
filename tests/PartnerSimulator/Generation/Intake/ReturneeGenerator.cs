using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Intake;

/// <summary>Draws the returnees: who they are, where they came back to, what they consented to.</summary>
internal static class ReturneeGenerator
{
    // Registrations stop before the end of the window so that everyone registered has some
    // months left for counselling.
    private const double RegistrationShareOfWindow = 0.85;

    private const double CounsellingRefusalShare = 0.08;
    private const double DateOfBirthShare = 0.20;
    private const double PhoneShare = 0.85;
    private const double CommuneShare = 0.70;
    private const double FollowUpContactShare = 0.85;

    /// <summary>Returnees without the late-sync flag; the programme generator sets it once sessions exist.</summary>
    public static List<ReturneeFact> Generate(Random random, SimulationOptions options)
    {
        var returnees = new List<ReturneeFact>(options.Returnees);
        for (var number = 1; number <= options.Returnees; number++)
            returnees.Add(One(random, options, number));

        // An exact quota rather than a coin per returnee: even a tiny test programme has refusals.
        var refusals = random.ChooseIndices(returnees.Count, RandomExtensions.Quota(returnees.Count, CounsellingRefusalShare));
        foreach (var index in refusals)
            returnees[index] = returnees[index] with { CounsellingConsent = false };

        return returnees;
    }

    private static ReturneeFact One(Random random, SimulationOptions options, int number)
    {
        var sex = ReferenceData.Sex.Pick(random);
        var givenName = random.PickOne(sex == Codes.Sex.Male ? ReferenceData.MaleGivenNames : ReferenceData.FemaleGivenNames);
        var region = ReferenceData.Region.Pick(random);
        var age = DrawAge(random);

        var registrationSpan = (options.WindowEnd - options.WindowStart) * RegistrationShareOfWindow;
        var registrationDay = options.WindowStart.AddDays(Math.Floor(random.NextDouble() * registrationSpan.TotalDays));
        var registeredAt = registrationDay + random.TimeOfDay(8, 17);
        var registrationDate = DateOnly.FromDateTime(registeredAt.UtcDateTime);

        // Registered one day to six weeks after arriving: never on or after the registration time.
        var arrivalDate = registrationDate.AddDays(-random.Next(1, 43));

        return new ReturneeFact
        {
            Number = number,
            Id = random.NextUuid(),
            EventId = $"reg-{options.Seed}-{number:D6}",
            PartnerReference = $"NGO-{options.Seed}-{number:D6}",
            GivenName = givenName,
            FamilyName = random.PickOne(ReferenceData.FamilyNames),
            Sex = sex,
            AgeAtArrival = age,
            AgeGroup = Codes.AgeGroup.FromAge(age),
            DateOfBirth = random.Chance(DateOfBirthShare) ? BirthDate(random, age, arrivalDate, registrationDate) : null,
            Phone = random.Chance(PhoneShare) ? Phone(random) : null,
            Region = region,
            Commune = random.Chance(CommuneShare) ? random.PickOne(ReferenceData.Communes[region]) : null,
            ReturnedFrom = ReferenceData.ReturnedFrom.Pick(random),
            ArrivalDate = arrivalDate,
            ReturnType = ReferenceData.ReturnType.Pick(random),
            RegisteredAt = registeredAt,
            CounsellingConsent = true,
            FollowUpContact = random.Chance(FollowUpContactShare),
            DataSharing = ReferenceData.DataSharing.Pick(random),
            RegistrationSyncedLate = false,
        };
    }

    /// <summary>Mostly young adults; some minors of 15–17 and a few adults up to 60.</summary>
    private static int DrawAge(Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.07) return random.Next(15, 18);
        if (roll < 0.90)
        {
            // Two draws averaged: weight the middle of 18–35 more than its ends.
            return (random.Next(18, 36) + random.Next(18, 36) + 1) / 2;
        }

        return random.Next(36, 61);
    }

    /// <summary>
    /// A birth date giving exactly <paramref name="age"/> on the arrival date and on the
    /// registration date, so the age group does not depend on which date the service reads it at.
    /// Null (send <c>age</c> instead) in the rare case no day of the year fits.
    /// </summary>
    private static DateOnly? BirthDate(Random random, int age, DateOnly arrival, DateOnly registration)
    {
        var latest = arrival.AddYears(-age); // born on this day: just turned `age` on arrival
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = latest.AddDays(-random.Next(0, 365));
            if (AgeOn(candidate, arrival) == age && AgeOn(candidate, registration) == age) return candidate;
        }

        return null;
    }

    private static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }

    private static string Phone(Random random) =>
        $"+223{ReferenceData.MobilePrefix.Pick(random)}{random.Next(0, 10_000_000):D7}";
}
