using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.PartnerSimulator.Cli;

/// <summary>What was generated, in a few lines, so a person can judge whether it looks like the field.</summary>
internal static class ProgrammeSummary
{
    public static void Print(TextWriter output, Programme programme, PostingPlan plan)
    {
        var o = programme.Options;
        var returnees = programme.Returnees;
        output.WriteLine($"Programme: seed {o.Seed}, {o.WindowStart:yyyy-MM-dd} to {o.WindowEnd:yyyy-MM-dd} ({o.Months} months{(o.WindowEnd < o.WindowStart.AddMonths(o.Months) ? ", cut at the clock" : "")})");
        output.WriteLine($"  returnees       {returnees.Count}");
        output.WriteLine($"    sex           {Breakdown(returnees, r => r.Sex)}");
        output.WriteLine($"    age group     {Breakdown(returnees, r => r.AgeGroup)}");
        output.WriteLine($"    region        {Breakdown(returnees, r => r.Region)}");
        output.WriteLine($"    returned from {Breakdown(returnees, r => r.ReturnedFrom)}");
        output.WriteLine($"    return type   {Breakdown(returnees, r => r.ReturnType)}");
        output.WriteLine($"    refused counselling {returnees.Count(r => !r.CounsellingConsent)}, " +
                         $"dateOfBirth sent {returnees.Count(r => r.DateOfBirth is not null)}, " +
                         $"no phone {returnees.Count(r => r.Phone is null)}, " +
                         $"registration synced late {returnees.Count(r => r.RegistrationSyncedLate)}");

        var sessions = programme.Sessions;
        output.WriteLine($"  sessions        {sessions.Count} for {sessions.Select(s => s.ReturneeId).Distinct().Count()} returnees");
        output.WriteLine($"    intervention  {Breakdown(sessions, s => s.Intervention)}");
        output.WriteLine($"    modality      {Breakdown(sessions, s => s.Modality)}");
        output.WriteLine($"    format        {Breakdown(sessions, s => s.Format)}");

        var f = programme.Facts;
        output.WriteLine($"  case            consent updates {f.ConsentUpdates.Count} (withdrawals {f.ConsentUpdates.Count(c => c.WithdrawsDataProcessing)}, " +
                         $"counselling refused later {f.ConsentUpdates.Count(c => c.RefusesCounselling)}), screenings {f.Screenings.Count} " +
                         $"for {f.Screenings.Select(s => s.ReturneeId).Distinct().Count()} returnees, plans {f.Plans.Count}, surveys {f.Surveys.Count}, " +
                         $"closures {f.Closures.Count} (reopened {f.Reopenings.Count})");
        output.WriteLine($"    closed for    {Breakdown(f.Closures, c => c.Reason)}");
        output.WriteLine($"  group sessions  {f.GroupSessions.Count}, {f.GroupSessions.Sum(g => g.Participants.Count)} participations");
        output.WriteLine($"  assessments     {f.Assessments.Count}: {Breakdown(f.Assessments, a => a.Instrument)}; risk flags {f.Assessments.Count(a => a.RaisesRiskFlag)}");
        output.WriteLine($"  referrals       {f.Referrals.Count}, closed {f.ReferralClosures.Count}: {Breakdown(f.ReferralClosures, c => c.Outcome)}");
        output.WriteLine($"  trainings       {f.Trainings.Count}, {f.Trainings.Sum(t => t.Participants.Count)} participations " +
                         $"({f.Trainings.Sum(t => t.Participants.Count(p => p.Completed))} completed); certifications {f.Certifications.Count}");
        output.WriteLine($"  workshops       {f.Workshops.Count}, {f.Workshops.Sum(w => w.Participants.Count)} participations: {Breakdown(f.Workshops, w => w.Kind)}");

        var awareness = programme.AwarenessEvents;
        output.WriteLine($"  awareness events {awareness.Count}, people reached {awareness.Sum(a => a.PeopleReached)}, " +
                         $"with named returnees {awareness.Count(a => a.ReturneeParticipants.Count > 0)}");
        output.WriteLine($"    kind          {Breakdown(awareness, a => a.Kind)}");

        output.WriteLine($"Posting plan: batch size {plan.BatchSize}, {plan.Batches.Count} posts " +
                         $"({Breakdown(plan.Batches, b => b.Service.ToString().ToLowerInvariant())}), " +
                         $"{plan.Retries.Count} of them retries");
        output.WriteLine($"  events posted {plan.PostedEventCount}: expect accepted {plan.DistinctEventCount}, " +
                         $"duplicate {plan.RetriedEventCount}, rejected 0");
        output.WriteLine($"  order (I/C/T = intake/counselling/training, events per post): {Order(plan.Batches)}");
    }

    public static void PrintExpected(TextWriter output, Programme programme)
    {
        var expected = ExpectedIndicators.Headline(programme);
        output.WriteLine("Expected indicators (on services that held nothing before):");
        foreach (var code in IndicatorCodes.Headline)
            output.WriteLine($"  {code,-22} {expected[code]}");
    }

    public static void PrintSamples(TextWriter output, Programme programme)
    {
        // One of each type; prefer the richer variants so the sample shows optional fields.
        var registration = programme.RegistrationEvents.FirstOrDefault(e => programme.Returnee(e.Subject).DateOfBirth is not null)
                           ?? programme.RegistrationEvents.FirstOrDefault();
        var awareness = programme.AwarenessEventEvents
            .Zip(programme.AwarenessEvents)
            .FirstOrDefault(x => x.Second.ReturneeParticipants.Count > 0).First
            ?? programme.AwarenessEventEvents.FirstOrDefault();
        var others = EventTypes.All
            .Where(t => t is not (EventTypes.ReturneeRegistered or EventTypes.AwarenessEventHeld))
            .Select(t => programme.Events.FirstOrDefault(e => e.Type == t));

        foreach (var sample in new[] { registration, awareness }.Concat(others))
        {
            if (sample is null) continue;
            output.WriteLine($"Sample {sample.Type} → {sample.Service}:");
            output.WriteLine(sample.ToIndentedJsonString());
        }
    }

    /// <summary>Consecutive posts alike are folded, "I500×20", to keep a big plan on one line.</summary>
    private static string Order(IReadOnlyList<PostingBatch> batches)
    {
        var runs = new List<(string Label, int Times)>();
        foreach (var label in batches.Select(Label))
        {
            if (runs.Count > 0 && runs[^1].Label == label) runs[^1] = (label, runs[^1].Times + 1);
            else runs.Add((label, 1));
        }

        return string.Join(" ", runs.Select(r => r.Times == 1 ? r.Label : $"{r.Label}×{r.Times}"));
    }

    /// <summary>"I374#1": Intake, 374 events, the first step of the cases; "C36:referral" for a named step, "I26 late#1" for the late ones.</summary>
    private static string Label(PostingBatch batch)
    {
        var service = batch.Service switch { PartnerService.Intake => "I", PartnerService.Counselling => "C", _ => "T" };
        var step = batch.Step switch
        {
            var s when s.Contains("synced late", StringComparison.Ordinal) => " late" + s[s.IndexOf('#')..],
            var s when s.Contains("last of the case", StringComparison.Ordinal) => " last" + s[s.IndexOf('#')..],
            var s when s.Contains('#') => s[s.IndexOf('#')..],
            var s when s.Contains(':') => ":" + s[(s.IndexOf(':') + 2)..].Split(' ')[0],
            _ => "",
        };
        return service + batch.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + step + (batch.IsRetry ? "(retry)" : "");
    }

    private static string Breakdown<T>(IEnumerable<T> items, Func<T, string> key) =>
        string.Join(", ", items.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}"));
}
