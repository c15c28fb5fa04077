using Reintegration.UnitTests.Support;
using System.Text.Json;
using JasperFx.Events;
using Reintegration.Counselling.Publishing;
using Reintegration.Counselling.Sessions;
using Reintegration.Intake.Publishing;
using Reintegration.Intake.Registration;
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

    private static string Wire(object? message)
    {
        Assert.NotNull(message);
        return JsonSerializer.Serialize(message, message.GetType());
    }
}
