using System.Text.Json.Serialization;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.Returnees;

/// <summary>
/// What the returnee read model keeps of one returnee: their journey, folded exactly as the
/// journey document folds it, so that counts and journeys never disagree on a fact.
/// </summary>
public sealed class ReturneeFacts : IFactState
{
    public Guid Id { get; set; }

    public ReturneeJourney Journey { get; set; } = new();

    /// <summary>The registration, or null while it has not arrived: then nothing about the returnee counts.</summary>
    [JsonIgnore]
    public RegistrationReported? Registration => Journey.Registration;

    /// <summary>The latest screening by time (the latest told of equal times), or null if never screened.</summary>
    [JsonIgnore]
    public ScreeningReported? LatestScreening => Journey.Screenings.OrderBy(s => s.Time).LastOrDefault();
}
