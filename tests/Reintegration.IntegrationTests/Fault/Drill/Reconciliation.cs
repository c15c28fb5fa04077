using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.IntegrationTests.Fault.Drill;

/// <summary>
/// What "exact" means after a fault. The partners' answers: no event rejected, none accepted
/// twice, each answered accepted or, after a lost answer, duplicate. Reporting's answers: all 15
/// indicators, every breakdown cell, equal to the simulator's oracle over every fact posted so
/// far. Reporting's log, read in its database: what each partner event tells is there exactly
/// once.
/// </summary>
public static class Reconciliation
{
    /// <summary>Problems with the partners' answers to these events; empty when right.</summary>
    public static List<string> CheckAnswers(IEnumerable<string> eventKeys, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var problems = new List<string>();
        foreach (var key in eventKeys)
        {
            if (!answers.TryGetValue(key, out var seen) || seen.Count == 0)
            {
                problems.Add($"{key}: never posted");
                continue;
            }

            var accepted = seen.Count(a => a == "accepted");
            if (seen.Any(a => a is not ("accepted" or "duplicate" or "lost")))
                problems.Add($"{key}: answered {string.Join(", ", seen)}");
            else if (accepted > 1)
                problems.Add($"{key}: accepted {accepted} times ({string.Join(", ", seen)})");
            else if (seen[^1] == "lost")
                problems.Add($"{key}: its last answer was lost ({string.Join(", ", seen)})");
            else if (accepted == 0 && !seen.Contains("lost"))
                problems.Add($"{key}: duplicate though it was never accepted and no answer was lost ({string.Join(", ", seen)})");
        }

        return problems;
    }

    /// <summary>
    /// Of the events whose answer was lost at least once, how many were answered accepted when sent
    /// again (not stored before) and how many only duplicate (stored, the answer lost). Only the
    /// answers after the first loss count: an event the plan itself sends twice may have been
    /// accepted before its second sending's answer was lost, and that sending is then rightly a
    /// duplicate (a count over all its answers had called such an event accepted again).
    /// </summary>
    public static (int Accepted, int Duplicate) Resent(IEnumerable<string> eventKeys, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var afterLoss = eventKeys
            .Select(k => answers.GetValueOrDefault(k) ?? [])
            .Where(a => a.Contains("lost"))
            .Select(a => a.SkipWhile(answer => answer != "lost").ToList())
            .ToList();
        return (afterLoss.Count(a => a.Contains("accepted")), afterLoss.Count(a => !a.Contains("accepted") && a.Contains("duplicate")));
    }

    /// <summary>Every difference between Reporting's detail answer and the oracle.</summary>
    public static List<string> Differences(JsonObject answer, IReadOnlyList<ExpectedIndicator> expected)
    {
        var differences = new List<string>();
        var actual = (answer["indicators"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(i => (string)i["code"]!, i => i);
        foreach (var indicator in expected)
        {
            if (!actual.TryGetValue(indicator.Code, out var shown))
            {
                differences.Add($"{indicator.Code}: missing");
                continue;
            }

            var value = (decimal?)shown["value"];
            if (value != indicator.Value) differences.Add($"{indicator.Code}: {Show(value)}, expected {Show(indicator.Value)}");

            var breakdown = shown["breakdown"] as JsonObject ?? [];
            foreach (var (dimension, cells) in indicator.Breakdown)
            foreach (var (key, figure) in cells)
            {
                var cell = (decimal?)breakdown[dimension]?[key];
                if (cell != figure.Value) differences.Add($"{indicator.Code} {dimension}={key}: {Show(cell)}, expected {Show(figure.Value)}");
            }

            foreach (var (dimension, cells) in breakdown)
            foreach (var (key, node) in cells as JsonObject ?? [])
            {
                var cell = (decimal?)node;
                if (!(indicator.Breakdown.GetValueOrDefault(dimension)?.ContainsKey(key) ?? false) && cell != indicator.Cell(dimension, key))
                    differences.Add($"{indicator.Code} {dimension}={key}: {Show(cell)}, expected {Show(indicator.Cell(dimension, key))}");
            }
        }

        return differences;
    }

    /// <summary>
    /// Reporting's log against the facts: per key (a returnee, a session's returnee, an assessment,
    /// a training…), as many records of each kind as the partners reported, no more, no fewer. A
    /// message handled twice would show here as one record too many.
    /// </summary>
    public static async Task<List<string>> CheckReportingLogAsync(string connectionString, ProgrammeFacts facts, CancellationToken cancellationToken)
    {
        var checks = new (string Type, string Key, Dictionary<string, int> Expected)[]
        {
            ("registration_reported", "returneeId", Count(facts.Returnees.Select(r => r.Id))),
            ("counselling_session_reported", "returneeId", Count(facts.Sessions.Select(s => s.ReturneeId))),
            ("assessment_reported", "assessmentId", Count(facts.Assessments.Select(a => a.AssessmentId))),
            ("referral_made_reported", "referralId", Count(facts.Referrals.Select(r => r.ReferralId))),
            ("referral_closed_reported", "referralId", Count(facts.ReferralClosures.Select(r => r.ReferralId))),
            ("group_session_reported", "groupSessionId", Count(facts.GroupSessions.Select(g => g.Id))),
            ("screening_reported", "returneeId", Count(facts.Screenings.Select(s => s.ReturneeId))),
            ("plan_agreed_reported", "returneeId", Count(facts.Plans.Select(p => p.ReturneeId))),
            ("survey_reported", "returneeId", Count(facts.Surveys.Select(s => s.ReturneeId))),
            ("case_closed_reported", "returneeId", Count(facts.Closures.Select(c => c.ReturneeId))),
            ("case_reopened_reported", "returneeId", Count(facts.Reopenings.Select(r => r.ReturneeId))),
            ("training_reported", "trainingId", Count(facts.Trainings.Select(t => t.Id))),
            ("awareness_event_reported", "awarenessEventId", Count(facts.AwarenessEvents.Select(a => a.Id))),
            ("workshop_reported", "workshopId", Count(facts.Workshops.Select(w => w.Id))),
        };

        // Unpooled: a pooled connection may be one the drill's PostgreSQL restart cut.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var problems = new List<string>();
        foreach (var (type, key, expected) in checks)
        {
            var stored = new Dictionary<string, int>();
            await using (var command = new NpgsqlCommand(
                             $"select data->>'{key}', count(*) from reporting.mt_events where type = @type group by 1", connection))
            {
                command.Parameters.AddWithValue("type", type);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) stored[reader.IsDBNull(0) ? "(none)" : reader.GetString(0)] = (int)reader.GetInt64(1);
            }

            var wrong = expected.Keys.Union(stored.Keys)
                .Where(k => expected.GetValueOrDefault(k) != stored.GetValueOrDefault(k))
                .Select(k => $"{k} {stored.GetValueOrDefault(k)} (expected {expected.GetValueOrDefault(k)})")
                .ToList();
            if (wrong.Count > 0)
                problems.Add($"{type} by {key}: {wrong.Count} keys wrong, e.g. {string.Join("; ", wrong.Take(3))}");
        }

        return problems;
    }

    /// <summary>The facts of several programmes as one (their ids never collide: the seed tags them).</summary>
    public static ProgrammeFacts Merge(IEnumerable<ProgrammeFacts> all)
    {
        var list = all.ToList();
        return new ProgrammeFacts
        {
            Returnees = [.. list.SelectMany(f => f.Returnees)],
            ConsentUpdates = [.. list.SelectMany(f => f.ConsentUpdates)],
            Screenings = [.. list.SelectMany(f => f.Screenings)],
            Plans = [.. list.SelectMany(f => f.Plans)],
            Surveys = [.. list.SelectMany(f => f.Surveys)],
            Closures = [.. list.SelectMany(f => f.Closures)],
            Reopenings = [.. list.SelectMany(f => f.Reopenings)],
            Sessions = [.. list.SelectMany(f => f.Sessions)],
            GroupSessions = [.. list.SelectMany(f => f.GroupSessions)],
            Assessments = [.. list.SelectMany(f => f.Assessments)],
            Referrals = [.. list.SelectMany(f => f.Referrals)],
            ReferralClosures = [.. list.SelectMany(f => f.ReferralClosures)],
            Trainings = [.. list.SelectMany(f => f.Trainings)],
            Certifications = [.. list.SelectMany(f => f.Certifications)],
            AwarenessEvents = [.. list.SelectMany(f => f.AwarenessEvents)],
            Workshops = [.. list.SelectMany(f => f.Workshops)],
        };
    }

    private static Dictionary<string, int> Count(IEnumerable<Guid> keys) =>
        keys.GroupBy(k => k.ToString()).ToDictionary(g => g.Key, g => g.Count());

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
