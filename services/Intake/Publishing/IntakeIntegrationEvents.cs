using JasperFx.Events;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Messaging;
using Contracts = Reintegration.Contracts;

namespace Reintegration.Intake.Publishing;

/// <summary>What other services learn from Intake: never names, phones, dates of birth or communes.</summary>
public sealed class IntakeIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent committed) => committed.Data switch
    {
        ReturneeRegistered r => new Contracts.ReturneeRegistered(
            r.ReturneeId, r.Time, r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ReturnType, r.ArrivalDate, r.Consent.Counselling),
        _ => null,
    };
}
