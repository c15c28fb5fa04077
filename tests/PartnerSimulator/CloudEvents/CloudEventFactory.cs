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
internal static class CloudEventFactory
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
