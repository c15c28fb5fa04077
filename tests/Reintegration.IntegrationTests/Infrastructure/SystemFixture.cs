using Xunit;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>One <see cref="TestSystem"/> shared by the tests of a class (xunit class fixture).</summary>
public class SystemFixture : IAsyncLifetime
{
    public TestSystem System { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System = await TestSystem.CreateAsync();
        await StartedAsync(System);
    }

    /// <summary>What a test class needs running before its first test.</summary>
    protected virtual Task StartedAsync(TestSystem system) => Task.CompletedTask;

    public async Task DisposeAsync() => await System.DisposeAsync();
}
