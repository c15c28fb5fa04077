namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// What to generate. The same options always give the same programme, byte for byte: nothing
/// reads the clock, all randomness comes from <see cref="Seed"/>.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>Number of returnees registered.</summary>
    public int Returnees { get; init; } = 1000;

    /// <summary>
    /// Seed for <see cref="System.Random"/>. It also tags every event id and partner reference, so
    /// programmes with different seeds can be posted into the same services without colliding,
    /// and the same seed posted twice is answered with duplicates.
    /// </summary>
    public int Seed { get; init; } = 42;

    /// <summary>First day of field activity (UTC midnight).</summary>
    public DateOnly Start { get; init; } = new(2026, 1, 5);

    /// <summary>
    /// Length of the programme window in calendar months. The default window (2026-01-05 to
    /// 2026-10-05) lies wholly in the past, since the catalogue rejects event times more than
    /// five minutes in the future.
    /// </summary>
    public int Months { get; init; } = 9;

    /// <summary>
    /// Optional cap on event times (e.g. the real clock, passed in by the console). When the window
    /// would run past it, the window is cut there, keeping every time in the past. Null: no cap.
    /// </summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>The start of the window, UTC.</summary>
    public DateTimeOffset WindowStart => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The end of the window (exclusive), UTC, after the optional <see cref="NotAfter"/> cap.</summary>
    public DateTimeOffset WindowEnd
    {
        get
        {
            var end = WindowStart.AddMonths(Months);
            return NotAfter is { } cap && cap.ToUniversalTime() < end ? cap.ToUniversalTime() : end;
        }
    }

    internal void Validate()
    {
        if (Returnees < 0) throw new ArgumentOutOfRangeException(nameof(Returnees), Returnees, "Must be 0 or more.");
        if (Seed < 0) throw new ArgumentOutOfRangeException(nameof(Seed), Seed, "Must be 0 or more (it tags event ids).");
        if (Months < 1) throw new ArgumentOutOfRangeException(nameof(Months), Months, "Must be 1 or more.");
        if (WindowEnd - WindowStart < TimeSpan.FromDays(14))
            throw new ArgumentException(
                $"The window {WindowStart:yyyy-MM-dd} to {WindowEnd:yyyy-MM-dd} is too short (NotAfter cuts it below 14 days).");
    }
}
