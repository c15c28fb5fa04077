namespace Reintegration.PartnerSimulator.Generation;

/// <summary>Generates a realistic, reproducible programme of partner activity.</summary>
public static class ProgrammeGenerator
{
    // Of the returnees who get counselling, this share is registered by an office that synced its
    // registrations late: their sessions reach Counselling before the registration reaches Intake.
    private const double LateSyncShare = 0.10;

    public static Programme Generate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // One seeded stream, drawn in a fixed order: returnees, sessions, awareness events, late sync.
        var random = new Random(options.Seed);
        var returnees = ReturneeGenerator.Generate(random, options);
        var sessions = SessionGenerator.Generate(random, options, returnees);
        var awarenessEvents = AwarenessEventGenerator.Generate(random, options, returnees);

        var withSessions = sessions.Select(s => s.ReturneeId).ToHashSet();
        var counselled = Enumerable.Range(0, returnees.Count).Where(i => withSessions.Contains(returnees[i].Id)).ToList();
        foreach (var pick in random.ChooseIndices(counselled.Count, RandomExtensions.Quota(counselled.Count, LateSyncShare)))
        {
            var index = counselled[pick];
            returnees[index] = returnees[index] with { RegistrationSyncedLate = true };
        }

        return new Programme(options, returnees, sessions, awarenessEvents);
    }
}
