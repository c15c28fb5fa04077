using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.UnitTests.Simulator;

/// <summary>Small hand-made programmes for the oracle: only the fields a counting rule reads matter.</summary>
internal static class ProgrammeFactsBuilder
{
    public static DateTimeOffset Day(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    public static ReturneeFact Returnee(Guid id, string region = "bamako", string sex = "female", int age = 30, DateTimeOffset? registeredAt = null) => new()
    {
        Number = 1, Id = id, EventId = $"reg-{id}", PartnerReference = $"ref-{id}", GivenName = "Awa", FamilyName = "Traoré", Sex = sex,
        AgeAtArrival = age, AgeGroup = PartnerSimulator.CloudEvents.Codes.AgeGroup.FromAge(age), Region = region, ReturnedFrom = "LY",
        ArrivalDate = new DateOnly(2026, 1, 2), ReturnType = "assisted-voluntary", RegisteredAt = registeredAt ?? Day(1, 5),
        CounsellingConsent = true, FollowUpContact = true, DataSharing = [], RegistrationSyncedLate = false,
    };

    public static SessionFact Session(Guid returnee, DateTimeOffset time, string intervention = "basic-counselling") => new()
    {
        Number = 1, EventId = $"ses-{Guid.NewGuid()}", ReturneeId = returnee, Region = "(not read)", Time = time, Format = "individual",
        Modality = "in-person", Intervention = intervention, DurationMinutes = 45, Counsellor = "counsellor-01",
    };

    public static GroupSessionFact GroupSession(DateTimeOffset time, string region, params Guid[] participants) => new()
    {
        EventId = $"grp-{Guid.NewGuid()}", Id = Guid.NewGuid(), Time = time, Region = region, Topic = "Sleep", Facilitator = "counsellor-02",
        DurationMinutes = 90, Participants = participants,
    };

    public static WorkshopFact Workshop(DateTimeOffset time, string region, string kind = "peer-support", params Guid[] participants) => new()
    {
        EventId = $"wks-{Guid.NewGuid()}", Id = Guid.NewGuid(), Time = time, Kind = kind, Region = region, Facilitator = "facilitator-01",
        Participants = participants,
    };

    public static AwarenessEventFact Awareness(DateTimeOffset time, string region, int women = 0, int men = 0, int girls = 0, int boys = 0, params Guid[] participants) => new()
    {
        Number = 1, EventId = $"awe-{Guid.NewGuid()}", Id = Guid.NewGuid(), Time = time, Kind = "care-campaign", Region = region,
        Women = women, Men = men, Girls = girls, Boys = boys, ReturneeParticipants = participants,
    };

    /// <summary>A WHO-5 whose raw items sum to <paramref name="raw"/> (score raw × 4).</summary>
    public static AssessmentFact Who5(Guid returnee, DateTimeOffset time, int raw) =>
        Assessment(returnee, time, "who-5", [.. Enumerable.Range(0, 5).Select(i => raw / 5 + (i < raw % 5 ? 1 : 0))]);

    public static AssessmentFact Assessment(Guid returnee, DateTimeOffset time, string instrument, int[] responses) => new()
    {
        EventId = $"asm-{Guid.NewGuid()}", ReturneeId = returnee, AssessmentId = Guid.NewGuid(), Time = time, Instrument = instrument,
        Responses = responses, AdministeredBy = "counsellor-01",
    };

    public static ReferralFact Referral(Guid returnee, DateTimeOffset time, string service = "medical", string urgency = "routine") => new()
    {
        EventId = $"ref-{Guid.NewGuid()}", ReturneeId = returnee, ReferralId = Guid.NewGuid(), Time = time, Service = service, Urgency = urgency,
    };

    public static ReferralClosureFact Closed(ReferralFact referral, DateTimeOffset time, string outcome) => new()
    {
        EventId = $"rfc-{Guid.NewGuid()}", ReturneeId = referral.ReturneeId, ReferralId = referral.ReferralId, Time = time, Outcome = outcome,
    };

    public static ScreeningFact Screening(Guid returnee, DateTimeOffset time, params string[] vulnerabilities) => new()
    {
        EventId = $"scr-{Guid.NewGuid()}", ReturneeId = returnee, Time = time, Vulnerabilities = vulnerabilities, UrgentCareNeeded = false,
    };

    public static ClosureFact Closure(Guid returnee, DateTimeOffset time, string reason) => new()
    {
        EventId = $"clo-{Guid.NewGuid()}", ReturneeId = returnee, Time = time, Reason = reason,
    };

    public static TraineeFact Trainee(Guid worker, bool completed, int? pre = null, int? post = null, string role = "social-worker", string sex = "female") => new()
    {
        WorkerId = worker, Sex = sex, Role = role, Organisation = "CSCOM", Completed = completed, PreTestScore = pre, PostTestScore = post,
    };

    public static TrainingFact TrainingOf(DateTimeOffset time, string course, string region, params TraineeFact[] participants) => new()
    {
        EventId = $"trn-{Guid.NewGuid()}", Id = Guid.NewGuid(), Time = time, Course = course, StartDate = DateOnly.FromDateTime(time.UtcDateTime),
        EndDate = DateOnly.FromDateTime(time.UtcDateTime), Region = region, Trainer = "trainer-01", Participants = participants,
    };

    public static CertificationFact Certification(Guid worker, TrainingFact training, DateTimeOffset time) => new()
    {
        EventId = $"crt-{Guid.NewGuid()}", WorkerId = worker, Time = time, Course = training.Course, TrainingId = training.Id,
    };

    public static IReadOnlyDictionary<string, decimal?> Cells(this ExpectedIndicator indicator, string dimension) =>
        indicator.Breakdown[dimension].ToDictionary(c => c.Key, c => c.Value.Value);
}
