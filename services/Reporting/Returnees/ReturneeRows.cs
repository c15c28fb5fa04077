using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Returnees;

/// <summary>
/// The pseudonymous BI rows of a returnee (docs/reporting-bi.md names each column): dates, not
/// times; the arrival month, not its day; codes and scores only. The views show a fact only once
/// the returnee's registration is known, and none of an erased returnee's rows.
/// </summary>
public static class ReturneeRows
{
    public static void Contribute(ReturneeFacts state, Contributions into)
    {
        var j = state.Journey;
        var id = state.Id;
        if (state.Registration is { } r)
        {
            var screening = state.LatestScreening;
            var closed = j.Closures.Select(c => c.Time).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var reopened = j.Reopenings.Select(c => c.Time).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            into.Row("returnee", Key(id), new Dictionary<string, object?>
            {
                ["returnee_id"] = id, ["registered_on"] = Periods.DayOf(r.Time), ["sex"] = r.Sex, ["age_group"] = r.AgeGroup, ["region"] = r.Region,
                ["returned_from"] = r.ReturnedFrom, ["return_type"] = r.ReturnType, ["arrival_month"] = Grain.Month.Label(Grain.Month.StartOf(r.ArrivalDate)),
                ["vulnerabilities"] = screening?.Vulnerabilities, ["urgent_care_needed"] = screening?.UrgentCareNeeded,
                ["screened_on"] = screening is null ? null : Periods.DayOf(screening.Time),
                ["case_status"] = closed > reopened ? "closed" : "open", ["erased"] = j.Erased,
            });
        }

        foreach (var s in j.Sessions)
            into.Row("session", Key(s.SessionId), new Dictionary<string, object?>
            {
                ["session_id"] = s.SessionId, ["returnee_id"] = id, ["held_on"] = Periods.DayOf(s.Time), ["format"] = s.Format,
                ["modality"] = s.Modality, ["intervention"] = s.Intervention, ["duration_minutes"] = s.DurationMinutes,
            });
        foreach (var a in j.Assessments)
            into.Row("assessment", Key(a.AssessmentId), new Dictionary<string, object?>
            {
                ["assessment_id"] = a.AssessmentId, ["returnee_id"] = id, ["recorded_on"] = Periods.DayOf(a.Time), ["recorded_at"] = a.Time,
                ["instrument"] = a.Instrument, ["score"] = a.Score, ["band"] = a.Band, ["risk_flag_raised"] = a.RiskFlagRaised,
            });
        foreach (var m in j.Referrals)
        {
            var closure = j.ReferralClosures.FirstOrDefault(c => c.ReferralId == m.ReferralId);
            into.Row("referral", Key(m.ReferralId), new Dictionary<string, object?>
            {
                ["referral_id"] = m.ReferralId, ["returnee_id"] = id, ["made_on"] = Periods.DayOf(m.Time), ["service"] = m.Service,
                ["urgency"] = m.Urgency, ["outcome"] = closure?.Outcome ?? Referrals.Open,
                ["closed_on"] = closure is null ? null : Periods.DayOf(closure.Time),
            });
        }

        foreach (var c in j.Closures)
            into.Row("closure", $"{id:D}|{c.Time.UtcTicks}", new Dictionary<string, object?>
            {
                ["returnee_id"] = id, ["closed_on"] = Periods.DayOf(c.Time), ["reason"] = c.Reason,
            });
    }

    private static string Key(Guid id) => id.ToString("D");
}
