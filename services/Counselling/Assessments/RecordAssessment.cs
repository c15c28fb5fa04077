using FluentValidation;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling.Records;
using Reintegration.Counselling.RiskFlags;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Counselling.Assessments;

/// <summary>
/// <c>reintegration.counselling.assessment-recorded.v1</c>: scored here as the catalogue's table
/// says. <c>assessmentId</c> is unique per returnee: the same assessment again is already known,
/// the same id with anything else a 409. A PHQ-9 with item 9 above 0 raises a risk flag; the
/// assessment also follows up every earlier open flag, and a flag raised after a contact synced
/// first is followed up by it at once. Refused as sessions are (<see cref="RecordSession.WhyRefused"/>).
/// </summary>
public sealed class RecordAssessment : CloudEventHandler<AssessmentData, AssessmentRecorded>
{
    public const string Type = "reintegration.counselling.assessment-recorded.v1";

    public override string EventType => Type;

    protected override IValidator<AssessmentData> Validator { get; } = new AssessmentRules();

    protected override AssessmentRecorded ToCommand(CloudEventEnvelope envelope, AssessmentData data)
    {
        var instrument = Instruments.ByCode[data.Instrument!];
        var (score, band) = instrument.Score(data.Responses!);
        return new AssessmentRecorded(envelope.Subject, envelope.Time, envelope.Source, data.AssessmentId!.Value, instrument.Code,
            [.. data.Responses!], data.AdministeredBy!, score, band, Instruments.RaisesRiskFlag(instrument.Code, data.Responses!));
    }

    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, AssessmentRecorded command) => [envelope.Subject, LearnedStreams.For(envelope.Subject)];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, AssessmentRecorded assessment)
    {
        if (RecordSession.WhyRefused(states.Get<CounsellingClient>(LearnedStreams.For(envelope.Subject)), envelope.Subject, assessment.Time, "assessment") is { } detail)
            return Decision.Forbidden(detail);

        var record = states.Get<CounsellingRecord>(envelope.Subject);
        if (record?.Assessments.GetValueOrDefault(assessment.AssessmentId) is { } known)
            return SameAssessment(known, assessment)
                ? Decision.AlreadyKnown
                : Decision.Conflict($"Assessment {assessment.AssessmentId} of returnee {envelope.Subject} is already recorded with other details (instrument, responses, time or administrator). A new assessment needs a new assessmentId.");

        List<object> events = [assessment, .. FollowUps.OfContact(record, envelope.Subject, assessment.Time, FollowUps.ByAssessment)];
        if (assessment.RaisesRiskFlag)
        {
            events.Add(new RiskFlagRaised(envelope.Subject, assessment.AssessmentId, assessment.Time));
            if (FollowUps.OfNewFlag(record, envelope.Subject, assessment.AssessmentId, assessment.Time) is { } followedUp) events.Add(followedUp);
        }

        return Decision.Append([.. events]);
    }

    /// <summary>The same assessment told again (by any source, under any event id).</summary>
    private static bool SameAssessment(AssessmentRecorded a, AssessmentRecorded b) =>
        a.Instrument == b.Instrument && a.Time == b.Time && a.AdministeredBy == b.AdministeredBy && a.Responses.SequenceEqual(b.Responses);
}
