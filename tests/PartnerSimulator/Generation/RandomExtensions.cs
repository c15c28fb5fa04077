namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// Small helpers over <see cref="Random"/>. Everything goes through one seeded instance, in a
/// fixed order, so a programme is reproducible from its seed.
/// </summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T PickOne<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A version-4 UUID built from the seeded stream (Guid.NewGuid would break determinism).</summary>
    public static Guid NextUuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// Exactly <paramref name="count"/> distinct indices out of <paramref name="total"/>. Used where
    /// a share must hold even for a small programme (a test with 20 returnees still gets a refusal).
    /// </summary>
    public static HashSet<int> ChooseIndices(this Random random, int total, int count)
    {
        var indices = Enumerable.Range(0, total).ToArray();
        random.Shuffle(indices);
        return [.. indices.Take(Math.Clamp(count, 0, total))];
    }

    /// <summary>
    /// round(share × total), but at least one out of five or more, so that a small test programme
    /// still has a refusal, a late sync and a retry; below five, a share of nothing is nothing.
    /// </summary>
    public static int Quota(int total, double share)
    {
        var count = (int)Math.Round(total * share, MidpointRounding.AwayFromZero);
        return count == 0 && total >= 5 ? 1 : count;
    }

    /// <summary>A time of day between <paramref name="fromHour"/> and <paramref name="toHour"/> (exclusive), to the second.</summary>
    public static TimeSpan TimeOfDay(this Random random, int fromHour, int toHour) =>
        TimeSpan.FromSeconds(random.Next(fromHour * 3600, toHour * 3600));
}

/// <summary>A weighted choice: weights are relative, e.g. per mille.</summary>
internal sealed class Weighted<T>
{
    private readonly (T Value, int Weight)[] _items;
    private readonly int _total;

    public Weighted(params (T Value, int Weight)[] items)
    {
        _items = items;
        _total = items.Sum(i => i.Weight);
    }

    public IEnumerable<T> Values => _items.Select(i => i.Value);

    public T Pick(Random random)
    {
        var roll = random.Next(_total);
        foreach (var (value, weight) in _items)
        {
            if (roll < weight) return value;
            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: weights are positive.");
    }
}

/// <summary>Times as a field app records them: UTC, to the second.</summary>
internal static class FieldTime
{
    /// <summary>Midnight UTC of <paramref name="time"/>'s day.</summary>
    public static DateTimeOffset Day(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>Event times go out to the second; the facts must match them exactly.</summary>
    public static DateTimeOffset TruncateToSecond(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);

    /// <summary>A working-hours time <paramref name="days"/> days after <paramref name="time"/>'s day.</summary>
    public static DateTimeOffset DaysAfter(this Random random, DateTimeOffset time, int days, int fromHour = 8, int toHour = 18) =>
        Day(time).AddDays(days) + random.TimeOfDay(fromHour, toHour);

    /// <summary>A time between <paramref name="from"/> and <paramref name="until"/>, to the second; null when the span is empty.</summary>
    public static DateTimeOffset? Between(this Random random, DateTimeOffset from, DateTimeOffset until)
    {
        var seconds = (long)Math.Floor((until - from).TotalSeconds);
        if (seconds < 2) return null;
        return TruncateToSecond(from).AddSeconds(1 + random.NextInt64(seconds - 1));
    }
}
