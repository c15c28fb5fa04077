using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Access;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>Intake on a real Kestrel port, in this test process, against an isolated backend.</summary>
public sealed class KestrelIntakeFixture : IAsyncLifetime
{
    private TestSystem _system = null!;

    public ServiceHost<IntakeService> Host { get; private set; } = null!;

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _system = await TestSystem.CreateAsync();
        Host = new ServiceHost<IntakeService>(_system.Backend);
        Host.UseKestrel(0);
        Host.StartServer();
        var listening = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new UriBuilder(listening) { Host = "127.0.0.1" }.Uri;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _system.DisposeAsync();
    }
}

/// <summary>
/// A partner's Node.js app with the CloudEvents JavaScript SDK (binary mode, its default) posts
/// to a service on a real port: its event is accepted and stored, so the same event posted again
/// in structured mode is a duplicate.
/// </summary>
public sealed class CloudEventsSdkInteropTests(KestrelIntakeFixture intake) : IClassFixture<KestrelIntakeFixture>
{
    private static readonly string InteropFolder = FindInteropFolder();

    [Fact]
    public async Task Given_an_event_posted_by_the_JavaScript_SDK_in_binary_mode_then_it_is_stored_and_a_structured_retry_is_a_duplicate()
    {
        var registration = Registration(Guid.NewGuid(), id: NextId("sdk-js évènement"));
        var file = Path.Combine(Path.GetTempPath(), $"reintegration-event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, registration.ToJsonString());
        try
        {
            var (status, body) = await PostWithNodeAsync(new Uri(intake.Address, "/events"), TestTokens.Everything, file);

            Assert.True(status == 202, $"expected 202 from the service, got {status}: {body}");
            var receipt = JsonNode.Parse(body)!;
            Assert.Equal("accepted", (string?)receipt["status"]);
            Assert.Equal((string?)registration["id"], (string?)receipt["id"]);
        }
        finally
        {
            File.Delete(file);
        }

        using var client = intake.Host.CreateClient();
        var retry = await client.PostAsync("/events", Single(registration));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("duplicate", (string?)JsonNode.Parse(await retry.Content.ReadAsStringAsync())!["status"]);
    }

    [Fact]
    public async Task Given_an_event_of_a_source_the_token_does_not_list_posted_by_the_SDK_then_it_is_a_403()
    {
        var registration = Registration(Guid.NewGuid());
        var file = Path.Combine(Path.GetTempPath(), $"reintegration-event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, registration.ToJsonString());
        try
        {
            var token = TestTokens.Mint([Scopes.EventsWrite], ["urn:partner:another-ngo"]);
            var (status, body) = await PostWithNodeAsync(new Uri(intake.Address, "/events"), token, file);

            Assert.True(status == 403, $"expected 403, got {status}: {body}");
            Assert.Equal("urn:reintegration:problem:forbidden-source", (string?)JsonNode.Parse(body)!["type"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Status, string Body)> PostWithNodeAsync(Uri url, string token, string eventFile)
    {
        if (!Directory.Exists(Path.Combine(InteropFolder, "node_modules", "cloudevents")))
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(3));
        var output = await RunAsync("node", ["post-binary.mjs", url.ToString(), token, eventFile], TimeSpan.FromMinutes(1));
        var lines = output.Split('\n', 2);
        return (int.Parse(lines[0].Trim()), lines.Length > 1 ? lines[1].Trim() : "");
    }

    private static async Task<string> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = InteropFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}");
        }

        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments.Take(1))} exited with {process.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }

    /// <summary>tests/Reintegration.IntegrationTests/Interop, found upwards from the test binaries.</summary>
    private static string FindInteropFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Reintegration.IntegrationTests", "Interop");
            if (File.Exists(Path.Combine(candidate, "post-binary.mjs"))) return candidate;
        }

        throw new DirectoryNotFoundException("tests/Reintegration.IntegrationTests/Interop not found above " + AppContext.BaseDirectory);
    }
}
