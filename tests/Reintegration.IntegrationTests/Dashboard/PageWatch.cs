using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>What a page did while a test drove it: every request it made, and every error it reported (a policy violation is one).</summary>
public sealed class PageWatch
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public PageWatch(IPage page)
    {
        page.Request += (_, request) => _requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Enqueue(message.Text);
        };
        page.PageError += (_, error) => _errors.Enqueue(error);
    }

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>No script error or refused resource; every request to <paramref name="origins"/> only; public disclosure only; no token in any address.</summary>
    public void AssertClean(string token, params string[] origins)
    {
        Assert.Empty(_errors);
        Assert.All(Requests, url => Assert.Contains(origins, origin => url.StartsWith(origin + "/", StringComparison.Ordinal)));
        Assert.DoesNotContain(Requests, url => url.Contains("disclosure=", StringComparison.Ordinal));
        Assert.DoesNotContain(Requests, url => url.Contains(token, StringComparison.Ordinal));
    }
}
