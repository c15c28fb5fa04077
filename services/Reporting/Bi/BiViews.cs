using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Bi;

/// <summary>
/// The read-only views of schema <c>reporting_bi</c>, one per fact, typed columns over the read
/// models' rows (docs/reporting-bi.md describes every column). Per-returnee facts show only once
/// the returnee's registration is known and never for an erased returnee: the indicators keep
/// counting them, anonymously, but no row-level trace of them leaves for a BI tool.
/// </summary>
public static class BiViews
{
    public const string Schema = "reporting_bi";

    private static readonly ReadModelTables Returnees = new("returnee_facts");
    private static readonly ReadModelTables Workers = new("worker_facts");
    private static readonly ReadModelTables Activities = new("activity_facts");

    /// <summary>The returnees the views may show: registered, not erased.</summary>
    private static string Shown =>
        $"(select key from {Returnees.Rows} where fact = 'returnee' and not (body->>'erased')::boolean)";

    public static IReadOnlyDictionary<string, string> Definitions { get; } = new Dictionary<string, string>
    {
        ["returnees"] = $"""
            select (body->>'returnee_id')::uuid as returnee_id, (body->>'registered_on')::date as registered_on, body->>'sex' as sex,
                   body->>'age_group' as age_group, body->>'region' as region, body->>'returned_from' as returned_from,
                   body->>'return_type' as return_type, body->>'arrival_month' as arrival_month,
                   array(select jsonb_array_elements_text(coalesce(nullif(body->'vulnerabilities', 'null'::jsonb), '[]'::jsonb))) as vulnerabilities,
                   (body->>'urgent_care_needed')::boolean as urgent_care_needed, (body->>'screened_on')::date as screened_on,
                   body->>'case_status' as case_status
            from {Returnees.Rows} where fact = 'returnee' and not (body->>'erased')::boolean
            """,
        ["sessions"] = $"""
            select (s.body->>'session_id')::uuid as session_id, (s.body->>'returnee_id')::uuid as returnee_id, (s.body->>'held_on')::date as held_on,
                   r.body->>'region' as region, s.body->>'format' as format, s.body->>'modality' as modality, s.body->>'intervention' as intervention,
                   (s.body->>'duration_minutes')::int as duration_minutes
            from {Returnees.Rows} s join {Returnees.Rows} r on r.fact = 'returnee' and r.key = s.body->>'returnee_id'
            where s.fact = 'session' and r.key in {Shown}
            """,
        ["group_sessions"] = $"""
            select (body->>'group_session_id')::uuid as group_session_id, (body->>'held_on')::date as held_on, body->>'region' as region,
                   (body->>'duration_minutes')::int as duration_minutes, (body->>'participants')::int as participants
            from {Activities.Rows} where fact = 'group_session'
            """,
        ["assessments"] = $"""
            select (a.body->>'assessment_id')::uuid as assessment_id, (a.body->>'returnee_id')::uuid as returnee_id,
                   (a.body->>'recorded_on')::date as recorded_on, r.body->>'region' as region, a.body->>'instrument' as instrument,
                   (a.body->>'score')::int as score, a.body->>'band' as band, (a.body->>'risk_flag_raised')::boolean as risk_flag_raised
            from {Returnees.Rows} a join {Returnees.Rows} r on r.fact = 'returnee' and r.key = a.body->>'returnee_id'
            where a.fact = 'assessment' and r.key in {Shown}
            """,
        ["referrals"] = $"""
            select (m.body->>'referral_id')::uuid as referral_id, (m.body->>'returnee_id')::uuid as returnee_id, (m.body->>'made_on')::date as made_on,
                   r.body->>'region' as region, m.body->>'service' as service, m.body->>'urgency' as urgency, m.body->>'outcome' as outcome,
                   (m.body->>'closed_on')::date as closed_on
            from {Returnees.Rows} m join {Returnees.Rows} r on r.fact = 'returnee' and r.key = m.body->>'returnee_id'
            where m.fact = 'referral' and r.key in {Shown}
            """,
        ["trainings"] = $"""
            select (body->>'training_id')::uuid as training_id, (body->>'delivered_on')::date as delivered_on, body->>'course' as course,
                   body->>'region' as region, (body->>'start_date')::date as start_date, (body->>'end_date')::date as end_date,
                   (body->>'participants')::int as participants, (body->>'completed')::int as completed
            from {Activities.Rows} where fact = 'training'
            """,
        ["workers"] = $"""
            select (body->>'worker_id')::uuid as worker_id, body->>'sex' as sex, body->>'role' as role,
                   (body->>'trainings_attended')::int as trainings_attended, (body->>'trainings_completed')::int as trainings_completed,
                   (body->>'first_completed_on')::date as first_completed_on,
                   array(select jsonb_array_elements_text(body->'courses_completed')) as courses_completed,
                   array(select jsonb_array_elements_text(body->'courses_certified')) as courses_certified
            from {Workers.Rows} where fact = 'worker'
            """,
        ["awareness_events"] = $"""
            select (body->>'awareness_event_id')::uuid as awareness_event_id, (body->>'held_on')::date as held_on, body->>'kind' as kind,
                   body->>'region' as region, (body->>'women')::int as women, (body->>'men')::int as men, (body->>'girls')::int as girls,
                   (body->>'boys')::int as boys, (body->>'returnee_participants')::int as returnee_participants
            from {Activities.Rows} where fact = 'awareness_event'
            """,
        ["workshops"] = $"""
            select (body->>'workshop_id')::uuid as workshop_id, (body->>'held_on')::date as held_on, body->>'kind' as kind,
                   body->>'region' as region, (body->>'participants')::int as participants
            from {Activities.Rows} where fact = 'workshop'
            """,
        ["closures"] = $"""
            select (c.body->>'returnee_id')::uuid as returnee_id, (c.body->>'closed_on')::date as closed_on, r.body->>'region' as region,
                   c.body->>'reason' as reason
            from {Returnees.Rows} c join {Returnees.Rows} r on r.fact = 'returnee' and r.key = c.body->>'returnee_id'
            where c.fact = 'closure' and r.key in {Shown}
            """,
    };
}
