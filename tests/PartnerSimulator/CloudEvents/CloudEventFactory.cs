using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.PartnerSimulator.CloudEvents;

/// <summary>
/// Turns generated facts into CloudEvents 1.0 in structured JSON mode, with <c>data</c> exactly as
/// the catalogue names its fields (camelCase, dates YYYY-MM-DD, optional fields left out).
/// Written straight to UTF-8: building node trees for 100k returnees took seconds.
/// </summary>
public static class CloudEventFactory
{
    public static PartnerEvent Registration(ReturneeFact r) =>
        Envelope(PartnerService.Intake, r.EventId, PartnerSources.NgoFieldApp, EventTypes.ReturneeRegistered, r.Id, r.RegisteredAt, w =>
        {
            w.WriteString("partnerReference", r.PartnerReference);
            w.WriteString("givenName", r.GivenName);
            w.WriteString("familyName", r.FamilyName);
            w.WriteString("sex", r.Sex);

            // Exactly one of dateOfBirth and age.
            if (r.DateOfBirth is { } dateOfBirth) w.WriteString("dateOfBirth", Date(dateOfBirth));
            else w.WriteNumber("age", r.AgeAtArrival);

            if (r.Phone is not null) w.WriteString("phone", r.Phone);
            w.WriteString("region", r.Region);
            if (r.Commune is not null) w.WriteString("commune", r.Commune);
            w.WriteString("returnedFrom", r.ReturnedFrom);
            w.WriteString("arrivalDate", Date(r.ArrivalDate));
            w.WriteString("returnType", r.ReturnType);

            w.WriteStartObject("consent");
            w.WriteBoolean("dataProcessing", true); // the catalogue requires it at registration
            w.WriteBoolean("counselling", r.CounsellingConsent);
            w.WriteBoolean("followUpContact", r.FollowUpContact);
            w.WriteStartArray("dataSharing");
            foreach (var partner in r.DataSharing) w.WriteStringValue(partner);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static PartnerEvent Session(SessionFact s) =>
        Envelope(PartnerService.Counselling, s.EventId, PartnerSources.NgoFieldApp, EventTypes.SessionHeld, s.ReturneeId, s.Time, w =>
        {
            w.WriteString("format", s.Format);
            w.WriteString("modality", s.Modality);
            w.WriteString("intervention", s.Intervention);
            w.WriteNumber("durationMinutes", s.DurationMinutes);
            w.WriteString("counsellor", s.Counsellor);
        });

    public static PartnerEvent AwarenessEvent(AwarenessEventFact a) =>
        Envelope(PartnerService.Training, a.EventId, PartnerSources.UnAgencyTraining, EventTypes.AwarenessEventHeld, a.Id, a.Time, w =>
        {
            w.WriteString("kind", a.Kind);
            w.WriteString("region", a.Region);
            if (a.Commune is not null) w.WriteString("commune", a.Commune);

            w.WriteStartObject("reached");
            w.WriteNumber("women", a.Women);
            w.WriteNumber("men", a.Men);
            w.WriteNumber("girls", a.Girls);
            w.WriteNumber("boys", a.Boys);
            w.WriteEndObject();

            if (a.ReturneeParticipants.Count > 0)
            {
                w.WriteStartArray("returneeParticipants");
                foreach (var returnee in a.ReturneeParticipants) w.WriteStringValue(returnee.ToString());
                w.WriteEndArray();
            }
        });

    public static PartnerEvent ConsentUpdate(ConsentUpdateFact c) =>
        Intake(c.EventId, EventTypes.ConsentUpdated, c.ReturneeId, c.Time, w =>
        {
            if (c.DataProcessing is { } dataProcessing) w.WriteBoolean("dataProcessing", dataProcessing);
            if (c.Counselling is { } counselling) w.WriteBoolean("counselling", counselling);
            if (c.FollowUpContact is { } followUp) w.WriteBoolean("followUpContact", followUp);
            if (c.DataSharing is { } sharing) Strings(w, "dataSharing", sharing);
        });

    public static PartnerEvent Screening(ScreeningFact s) =>
        Intake(s.EventId, EventTypes.VulnerabilityScreened, s.ReturneeId, s.Time, w =>
        {
            Strings(w, "vulnerabilities", s.Vulnerabilities);
            w.WriteBoolean("urgentCareNeeded", s.UrgentCareNeeded);
        });

    public static PartnerEvent Plan(PlanFact p) =>
        Intake(p.EventId, EventTypes.PlanAgreed, p.ReturneeId, p.Time, w =>
        {
            w.WriteStartArray("goals");
            foreach (var goal in p.Goals)
            {
                w.WriteStartObject();
                w.WriteString("dimension", goal.Dimension);
                w.WriteString("description", goal.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

    public static PartnerEvent Survey(SurveyFact s) =>
        Intake(s.EventId, EventTypes.SurveyRecorded, s.ReturneeId, s.Time, w =>
        {
            w.WriteNumber("economic", s.Economic);
            w.WriteNumber("social", s.Social);
            w.WriteNumber("psychosocial", s.Psychosocial);
            w.WriteNumber("composite", s.Composite);
        });

    public static PartnerEvent Closure(ClosureFact c) =>
        Intake(c.EventId, EventTypes.CaseClosed, c.ReturneeId, c.Time, w => w.WriteString("reason", c.Reason));

    public static PartnerEvent Reopening(ReopeningFact r) =>
        Intake(r.EventId, EventTypes.CaseReopened, r.ReturneeId, r.Time, w => w.WriteString("reason", r.Reason));

    public static PartnerEvent GroupSession(GroupSessionFact g) =>
        Counselling(g.EventId, EventTypes.GroupSessionHeld, g.Id, g.Time, w =>
        {
            Uuids(w, "participants", g.Participants);
            w.WriteString("topic", g.Topic);
            w.WriteString("facilitator", g.Facilitator);
            w.WriteNumber("durationMinutes", g.DurationMinutes);
            w.WriteString("region", g.Region);
        });

    public static PartnerEvent Assessment(AssessmentFact a) =>
        Counselling(a.EventId, EventTypes.AssessmentRecorded, a.ReturneeId, a.Time, w =>
        {
            w.WriteString("assessmentId", a.AssessmentId.ToString());
            w.WriteString("instrument", a.Instrument);
            w.WriteStartArray("responses");
            foreach (var response in a.Responses) w.WriteNumberValue(response);
            w.WriteEndArray();
            w.WriteString("administeredBy", a.AdministeredBy);
        });

    public static PartnerEvent Referral(ReferralFact r) =>
        Counselling(r.EventId, EventTypes.ReferralMade, r.ReturneeId, r.Time, w =>
        {
            w.WriteString("referralId", r.ReferralId.ToString());
            w.WriteString("service", r.Service);
            w.WriteString("urgency", r.Urgency);
            if (r.Provider is not null) w.WriteString("provider", r.Provider);
        });

    public static PartnerEvent ReferralClosure(ReferralClosureFact c) =>
        Counselling(c.EventId, EventTypes.ReferralClosed, c.ReturneeId, c.Time, w =>
        {
            w.WriteString("referralId", c.ReferralId.ToString());
            w.WriteString("outcome", c.Outcome);
        });

    public static PartnerEvent Training(TrainingFact t) =>
        Envelope(PartnerService.Training, t.EventId, PartnerSources.UnAgencyTraining, EventTypes.TrainingDelivered, t.Id, t.Time, w =>
        {
            w.WriteString("course", t.Course);
            w.WriteString("startDate", Date(t.StartDate));
            w.WriteString("endDate", Date(t.EndDate));
            w.WriteString("region", t.Region);
            w.WriteString("trainer", t.Trainer);
            w.WriteStartArray("participants");
            foreach (var p in t.Participants)
            {
                w.WriteStartObject();
                w.WriteString("workerId", p.WorkerId.ToString());
                w.WriteString("sex", p.Sex);
                w.WriteString("role", p.Role);
                w.WriteString("organisation", p.Organisation);
                if (p.PreTestScore is { } pre) w.WriteNumber("preTestScore", pre);
                if (p.PostTestScore is { } post) w.WriteNumber("postTestScore", post);
                w.WriteBoolean("completed", p.Completed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

    public static PartnerEvent Certification(CertificationFact c) =>
        Envelope(PartnerService.Training, c.EventId, PartnerSources.UnAgencyTraining, EventTypes.WorkerCertified, c.WorkerId, c.Time, w =>
        {
            w.WriteString("course", c.Course);
            w.WriteString("trainingId", c.TrainingId.ToString());
        });

    public static PartnerEvent Workshop(WorkshopFact ws) =>
        Envelope(PartnerService.Training, ws.EventId, PartnerSources.UnAgencyTraining, EventTypes.WorkshopHeld, ws.Id, ws.Time, w =>
        {
            w.WriteString("kind", ws.Kind);
            w.WriteString("region", ws.Region);
            w.WriteString("facilitator", ws.Facilitator);
            Uuids(w, "participants", ws.Participants);
        });

    // The NGO's field app reports the case and all counselling.
    private static PartnerEvent Intake(string id, string type, Guid subject, DateTimeOffset time, Action<Utf8JsonWriter> writeData) =>
        Envelope(PartnerService.Intake, id, PartnerSources.NgoFieldApp, type, subject, time, writeData);

    private static PartnerEvent Counselling(string id, string type, Guid subject, DateTimeOffset time, Action<Utf8JsonWriter> writeData) =>
        Envelope(PartnerService.Counselling, id, PartnerSources.NgoFieldApp, type, subject, time, writeData);

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void Uuids(Utf8JsonWriter w, string name, IEnumerable<Guid> values) => Strings(w, name, values.Select(v => v.ToString()));

    private static PartnerEvent Envelope(
        PartnerService service, string id, string source, string type, Guid subject, DateTimeOffset time, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, JsonFormat.Writer))
        {
            w.WriteStartObject();
            w.WriteString("specversion", "1.0");
            w.WriteString("id", id);
            w.WriteString("source", source);
            w.WriteString("type", type);
            w.WriteString("subject", subject.ToString());
            w.WriteString("time", Timestamp(time));
            w.WriteString("datacontenttype", "application/json");
            w.WriteStartObject("data");
            writeData(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return new PartnerEvent(service, id, source, type, subject, time, buffer.WrittenSpan.ToArray());
    }

    /// <summary>RFC 3339 in UTC with a Z, to the second: what a field app's clock records.</summary>
    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
