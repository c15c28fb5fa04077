using System.Diagnostics;
using Marten;
using Reintegration.Benchmarks.Report;
using Reintegration.Intake.Registration;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.Benchmarks.Baselines;

/// <summary>
/// What encrypting identifying data costs Intake. The services have no switch to store
/// registrations unencrypted, by design, so the cost is measured where it lives: Marten appends
/// of registrations exactly as Intake stores them (Intake's <see cref="ReturneeRegistered"/>, the
/// identity sealed by <see cref="Seal"/> under a new per-returnee key from a <see cref="KeyRing"/>,
/// and that key's <see cref="PersonalDataKey"/> row in the same transaction) against the same
/// registrations with the identity in plain (Intake's <see cref="Registration"/> record) and no
/// key row, in the same batch shape (one stream per registration, 100 per commit), in rounds that
/// take turns so the machine's ups and downs hit both alike. And, on its own, the CPU the sealing
/// takes per registration (key, AES-256-GCM of the identity), one thread, after a warm-up.
/// </summary>
public static class EncryptionCostBaseline
{
    public const string Schema = "bench_seal";
    private const int PerCommit = 100;
    private const int Rounds = 6;

    /// <param name="SealCpuUs">CPU µs per registration to make its key and seal its identity (median round).</param>
    public sealed record Result(Throughput Sealed, Throughput Plain, int PerCommit, double SealCpuUs)
    {
        /// <summary>Sealed appends as a share of plain ones: what encryption leaves of the rate.</summary>
        public double Ratio => Sealed.PerSecond / Plain.PerSecond;
    }

    public static async Task<Result> RunAsync(string connectionString, int registrations, CancellationToken cancellationToken)
    {
        using var store = await BaselineStore.OpenAsync(connectionString, Schema, options =>
        {
            options.Events.AddEventType<ReturneeRegistered>();
            options.Events.AddEventType<Registration>();
            options.Schema.For<PersonalDataKey>();
        });

        var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = registrations + 2 * PerCommit, Seed = 4001 });
        var all = programme.Returnees.Select(AsIntakeReads).ToList();
        // Warm-up of both paths: Marten's generated code, the JIT, the connection pool.
        await AppendAsync(store, all.Take(PerCommit).Select(r => r with { ReturneeId = Guid.CreateVersion7() }).ToList(), seal: true, cancellationToken);
        await AppendAsync(store, all.Skip(PerCommit).Take(PerCommit).Select(r => r with { ReturneeId = Guid.CreateVersion7() }).ToList(), seal: false, cancellationToken);

        var measured = all.Skip(2 * PerCommit).ToList();
        var perRound = Math.Max(PerCommit, measured.Count / Rounds / PerCommit * PerCommit);
        TimeSpan sealedTime = TimeSpan.Zero, plainTime = TimeSpan.Zero;
        long sealedCount = 0, plainCount = 0;
        for (var round = 0; round < Rounds; round++)
        {
            // Fresh ids every round: each registration is new, as at the partner's post.
            var batch = measured.Take(perRound).ToList();
            sealedTime += await AppendAsync(store, [.. batch.Select(r => r with { ReturneeId = Guid.CreateVersion7() })], seal: true, cancellationToken);
            plainTime += await AppendAsync(store, [.. batch.Select(r => r with { ReturneeId = Guid.CreateVersion7() })], seal: false, cancellationToken);
            sealedCount += batch.Count;
            plainCount += batch.Count;
        }

        return new Result(new Throughput(sealedCount, sealedTime), new Throughput(plainCount, plainTime), PerCommit, SealCpuUs(measured));
    }

    /// <summary>Appends the registrations, 100 streams per commit, sealed with a key row each or plain; the time it took.</summary>
    private static async Task<TimeSpan> AppendAsync(IDocumentStore store, List<Registration> registrations, bool seal, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var commit in registrations.Chunk(PerCommit))
        {
            await using var session = store.LightweightSession();
            if (seal)
            {
                var keys = new KeyRing(new Dictionary<Guid, PersonalDataKey>(), protects: true);
                foreach (var registration in commit)
                    session.Events.StartStream(registration.ReturneeId, registration.SealedWith(keys.For(registration.ReturneeId)!));
                foreach (var key in keys.Made(commit.Select(r => r.ReturneeId).ToHashSet())) session.Insert(key);
            }
            else
            {
                foreach (var registration in commit) session.Events.StartStream(registration.ReturneeId, registration);
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>CPU µs per registration for its key and sealed identity (median of rounds, after at least 2 s of warm-up), on this thread.</summary>
    private static double SealCpuUs(List<Registration> registrations)
    {
        var sink = 0;
        void Round()
        {
            var keys = new KeyRing(new Dictionary<Guid, PersonalDataKey>(), protects: true);
            foreach (var r in registrations) sink += r.SealedWith(keys.For(r.ReturneeId)!).Identity.Ciphertext.Length;
        }

        var warm = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warm) < TimeSpan.FromSeconds(2)) Round();

        var rounds = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var before = Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime;
            var thread = TokenValidationBaseline.ThreadCpu.Now();
            Round();
            var cpu = TokenValidationBaseline.ThreadCpu.Now() is { } after && thread is { } b ? after - b : Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime - before;
            rounds.Add(cpu.TotalMicroseconds / registrations.Count);
        }

        GC.KeepAlive(sink);
        rounds.Sort();
        return rounds[rounds.Count / 2];
    }

    /// <summary>A simulated registration as Intake's handler turns it into a command (its validated, typed form).</summary>
    private static Registration AsIntakeReads(ReturneeFact r) => new(
        r.Id, r.RegisteredAt, PartnerSimulator.CloudEvents.PartnerSources.NgoFieldApp,
        new ReturneeIdentityData(r.PartnerReference, new PersonalDetails(r.GivenName, r.FamilyName, r.DateOfBirth, r.DateOfBirth is null ? r.AgeAtArrival : null, r.Phone, r.Commune)),
        r.Sex, r.AgeAtArrival, r.AgeGroup, r.Region, r.ReturnedFrom, r.ArrivalDate, r.ReturnType,
        new ConsentGiven(true, r.CounsellingConsent, r.FollowUpContact, r.DataSharing));
}
