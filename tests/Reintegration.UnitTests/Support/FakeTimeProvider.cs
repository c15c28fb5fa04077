namespace Reintegration.UnitTests.Support;

/// <summary>A clock that always reads the instant it was given.</summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
