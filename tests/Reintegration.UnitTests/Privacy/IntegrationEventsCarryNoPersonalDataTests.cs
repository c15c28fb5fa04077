using Reintegration.UnitTests.Support;
using System.Text.Json;
using JasperFx.Events;
using Reintegration.Counselling.Publishing;
using Reintegration.Counselling.Sessions;
using Reintegration.Intake.Publishing;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Plans;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Surveys;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.UnitTests.Intake;

namespace Reintegration.UnitTests.Privacy;

/// <summary>
/// What leaves a service on the broker: no name, phone number, date of birth, commune, partner
/// reference or counsellor. Checked on the wire form, so a field added to a contract later is
/// caught too.
/// </summary>
public sealed class IntegrationEventsCarryNoPersonalDataTests
{
    [Fact]
    public void A_registration_is_published_without_personal_details()
    {
        var data = Registrations.ValidData();
        data["givenName"] = "Mariam";
        data["familyName"] = "Keïta";
        data["phone"] = "+22376543210";
        data["commune"] = "Commune IV";
        data["partnerReference"] = "NGO-SECRET-77";
        var envelope = Registrations.Registration(Guid.NewGuid(), data);
        var registered = RegisterReturnee.CommandOf(Registrations.Handler.Prepare(envelope).Pending!).SealedWith(TestKeys.For(envelope.Subject));

        var wire = Wire(new IntakeIntegrationEvents().ToIntegrationEvent(new Event<ReturneeRegistered>(registered)));

        Assert.Contains(registered.ReturneeId.ToString(), wire);
        foreach (var personal in new[] { "Mariam", "Ke\\u00EFta", "Keïta", "+22376543210", "Commune IV", "NGO-SECRET-77", "2001-01-15", "dateOfBirth", "phone" })
            Assert.DoesNotContain(personal, wire, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<object> CaseEvents()
    {
        var returnee = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        const string source = "urn:partner:ngo-field-app";
        return new TheoryData<object>
        {
            new ConsentUpdated(returnee, at, source, null, false, null, ["urn:partner:SHARED-WITH-77"],
                new ConsentGiven(true, false, true, ["urn:partner:SHARED-WITH-77"])),
            new ConsentUpdated(returnee, at, source, false, null, null, null, new ConsentGiven(false, true, true, ["urn:partner:SHARED-WITH-77"])),
            new ReturneeErased(returnee, at),
            new VulnerabilityScreened(returnee, at, source, ["survivor-of-trafficking"], true),
            new PlanAgreed(returnee, at, source, [new Goal("economic", "Tailoring shop with Oumou SECRET-GOAL in Kati")]),
            new SurveyRecorded(returnee, at, source, 0.25m, 0.5m, 0.75m, 0.5m),
            new CaseClosed(returnee, at, source, "deceased"),
            new CaseReopened(returnee, at, source, "Came back after SECRET-REASON with her uncle"),
        };
    }

    [Theory]
    [MemberData(nameof(CaseEvents))]
    public void Each_case_event_is_published_with_the_returnee_id_and_no_free_text_source_or_sharing_list(object domainEvent)
    {
        var committed = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;

        var wire = Wire(new IntakeIntegrationEvents().ToIntegrationEvent(committed));

        Assert.Contains(((dynamic)domainEvent).ReturneeId.ToString(), wire);
        foreach (var personal in new[] { "SECRET", "Oumou", "urn:partner", "description", "dataSharing" })
            Assert.DoesNotContain(personal, wire, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_session_is_published_without_its_counsellor()
    {
        var session = new SessionHeld(Guid.NewGuid(), DateTimeOffset.UtcNow, "urn:partner:ngo-field-app",
            "individual", "in-person", "basic-counselling", 50, "counsellor-ZX81");

        var wire = Wire(new CounsellingIntegrationEvents().ToIntegrationEvent(new Event<SessionHeld>(session)));

        Assert.Contains("basic-counselling", wire);
        Assert.DoesNotContain("counsellor-ZX81", wire);
        Assert.DoesNotContain("urn:partner", wire);
    }

    [Fact]
    public void Trainings_and_workshops_are_published_without_trainer_facilitator_organisation_or_source()
    {
        var training = Training.TrainingEvents.Delivered(Guid.NewGuid()) with { Trainer = "trainer-SECRET-9" };
        var workshop = Training.TrainingEvents.Held(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid()) with { Facilitator = "facilitator-SECRET-4" };
        var map = new Reintegration.Training.Publishing.TrainingIntegrationEvents();

        var wire = Wire(map.ToIntegrationEvent(new Event<Reintegration.Training.Trainings.TrainingDelivered>(training)))
            + Wire(map.ToIntegrationEvent(new Event<Reintegration.Training.Workshops.WorkshopHeld>(workshop)));

        Assert.Contains("psychological-first-aid", wire);
        Assert.Contains(Training.TrainingEvents.Aminata.ToString(), wire);
        foreach (var personal in new[] { "SECRET", "CSCOM", "Benkadi", "organisation", "urn:partner" })
            Assert.DoesNotContain(personal, wire, StringComparison.OrdinalIgnoreCase);
    }

    private static string Wire(object? message)
    {
        Assert.NotNull(message);
        return JsonSerializer.Serialize(message, message.GetType());
    }

    public static TheoryData<object> CounsellingActivities()
    {
        var returnee = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        const string source = "urn:partner:ngo-field-app";
        return new TheoryData<object>
        {
            new Reintegration.Counselling.GroupSessions.GroupSessionHeld(Guid.NewGuid(), at, source, [returnee, Guid.NewGuid()], "SECRET-TOPIC grief", "facilitator-SECRET", 60, "gao"),
            new Reintegration.Counselling.Assessments.AssessmentRecorded(returnee, at, source, Guid.NewGuid(), "phq-9", [3, 3, 3, 3, 3, 3, 3, 3, 3], "counsellor-SECRET", 27, "severe", true),
            new Reintegration.Counselling.RiskFlags.RiskFlagRaised(returnee, Guid.NewGuid(), at),
            new Reintegration.Counselling.RiskFlags.RiskFlagFollowedUp(returnee, Guid.NewGuid(), at, at.AddDays(1), "session"),
            new Reintegration.Counselling.Referrals.ReferralMade(returnee, at, source, Guid.NewGuid(), "legal", "routine", "SECRET clinic of Dr Diallo"),
            new Reintegration.Counselling.Referrals.ReferralClosed(returnee, at, source, Guid.NewGuid(), "declined"),
        };
    }

    [Theory]
    [MemberData(nameof(CounsellingActivities))]
    public void Each_counselling_activity_is_published_without_responses_topic_provider_source_or_staff(object domainEvent)
    {
        var committed = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;

        var wire = Wire(new CounsellingIntegrationEvents().ToIntegrationEvent(committed));

        foreach (var personal in new[] { "SECRET", "Diallo", "urn:partner", "responses", "[3,3", "administeredBy", "topic", "facilitator", "provider" })
            Assert.DoesNotContain(personal, wire, StringComparison.OrdinalIgnoreCase);
    }
}
