using System.Diagnostics;
using Reintegration.PartnerSimulator.CloudEvents;
using Xunit;

namespace Reintegration.IntegrationTests.Fault.Drill;

/// <summary>
/// The fault drill (issue 10): under load from the partner simulator, one fault per scenario, on
/// the fault stage's own PostgreSQL and RabbitMQ. After each: every event a partner was told was
/// accepted is in Reporting's log exactly once, an event whose answer was lost was sent again and
/// answered accepted or duplicate, never counted twice, every daemon is moving again (each
/// service's detail is healthy) and the 15 indicators equal the simulator's oracle. The time from
/// the fault's end to those exact figures goes to TestResults/faults/time-to-exact.md.
/// </summary>
[Trait("Category", "Fault")]
[Collection(FaultDrillCollection.Name)]
public sealed class FaultDrillTests(DrillSystem system)
{
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Intake_killed_mid_batch_and_restarted()
    {
        var intake = system.Primary("Intake");
        var startsBefore = intake.Starts;
        var result = await system.RunAsync("kill -9 Intake mid-batch",
            (batch, answered) => batch.Service == PartnerService.Intake && answered >= 4,
            async window =>
            {
                // Two answers lost after Intake stored their batches, then the process killed
                // while batches are on the wire: both kinds of lost answer, sent again.
                window.Load.DropAnswers(PartnerService.Intake, 2);
                await Until(() => window.Load.DroppedAfterCommit.Count > 0, "an answer of Intake's to be dropped");
                await Task.Delay(150);
                intake.Kill();
                await Until(() => intake.Starts > startsBefore, "Intake to be started again");
                await system.WaitReadyAsync(intake, RestartTimeout);
            });

        Assert.True(result.ResentDuplicate >= result.DroppedAfterCommit && result.DroppedAfterCommit > 0,
            $"resent after a lost answer: {result.ResentAccepted} accepted, {result.ResentDuplicate} duplicate; dropped after commit {result.DroppedAfterCommit}");
    }

    [Fact]
    public async Task Counselling_killed_mid_drain_and_restarted()
    {
        var counselling = system.Primary("Counselling");
        var startsBefore = counselling.Starts;
        // Intake's registrations are posted first; Counselling drains them from its queue meanwhile.
        await system.RunAsync("kill -9 Counselling mid-drain",
            (_, answered) => answered >= 8,
            async window =>
            {
                counselling.Kill();
                await Until(() => counselling.Starts > startsBefore, "Counselling to be started again");
                await system.WaitReadyAsync(counselling, RestartTimeout);
            });
    }

    [Fact]
    public async Task Reporting_killed_mid_drain_and_restarted()
    {
        var reporting = system.Primary("Reporting");
        var startsBefore = reporting.Starts;
        await system.RunAsync("kill -9 Reporting mid-drain",
            (_, answered) => answered >= 12,
            async window =>
            {
                reporting.Kill();
                await Until(() => reporting.Starts > startsBefore, "Reporting to be started again");
                await system.WaitReadyAsync(reporting, RestartTimeout);
            });
    }

    [Fact]
    public async Task PostgreSQL_restarted()
    {
        var down = DrillEnvironment.PostgresDown;
        await system.RunAsync($"PostgreSQL restarted, down {down.TotalSeconds:0} s",
            (_, answered) => answered >= 8,
            async window =>
            {
                await DrillEnvironment.InfraAsync("postgres-stop");
                await Task.Delay(down); // the fault is a database away this long
                await DrillEnvironment.InfraAsync("postgres-start");
                window.Ended = Stopwatch.GetTimestamp();
            });
    }

    [Fact]
    public async Task RabbitMQ_stopped_for_a_while()
    {
        var outage = DrillEnvironment.BrokerOutage;
        await system.RunAsync($"RabbitMQ stopped for {outage.TotalSeconds:0} s",
            (_, answered) => answered >= 4,
            async window =>
            {
                await DrillEnvironment.InfraAsync("rabbitmq-stop");
                await Task.Delay(outage); // the fault is an outage of this length
                await DrillEnvironment.InfraAsync("rabbitmq-start");
                window.Ended = Stopwatch.GetTimestamp();
            });
    }

    [Fact]
    public async Task Two_replicas_of_every_service_at_once()
    {
        var ready = DrillSystem.Services.ToDictionary(s => s, s => new List<ServiceProcess> { system.Primary(s) });
        var gate = new Lock();
        var turn = 0;
        var second = DrillSystem.Services.Select(system.AddReplica).ToList();
        try
        {
            await system.RunAsync("two replicas of every service",
                (_, answered) => answered >= 1,
                async window =>
                {
                    foreach (var replica in second) replica.Start();
                    await Task.WhenAll(second.Select(async replica =>
                    {
                        await system.WaitReadyAsync(replica, RestartTimeout);
                        lock (gate) ready[replica.Name.Split(':')[0]].Add(replica);
                    }));
                },
                // Posts alternate between the replicas that answer, as a load balancer would.
                service =>
                {
                    lock (gate)
                    {
                        var replicas = ready[service.ToString()];
                        return system.Client(replicas[turn++ % replicas.Count]);
                    }
                });
        }
        finally
        {
            foreach (var replica in second) await system.StopReplicaAsync(replica);
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 30 s for {what}");
            await Task.Delay(50);
        }
    }
}
