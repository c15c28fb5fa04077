namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>A clock a test moves by hand, for rules that depend on how long something lasted.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
