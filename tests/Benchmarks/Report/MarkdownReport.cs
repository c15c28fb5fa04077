using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Reintegration.Benchmarks.Scenarios;

namespace Reintegration.Benchmarks.Report;

/// <summary>Writes docs/benchmarks.md from one run's results. Figures only; the reading of them is the reader's.</summary>
public static class MarkdownReport
{
    private const double BatchTargetShare = 0.30;
    private const double EndToEndTarget = 2_000;
    private const double SingleP99TargetMs = 50;
    private const double TokenShareTarget = 0.05;

    public static string Write(RunResults r)
    {
        var md = new StringBuilder();
        var o = r.Options;
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine($"Written by `build/bench.sh` on {r.StartedAt:yyyy-MM-dd HH:mm} UTC from commit `{o.Commit}`, in {r.Total.TotalSeconds:0} s. " +
                      "Every figure below comes from that one run; run `build/bench.sh` to measure again (it overwrites this file).").AppendLine();
        md.AppendLine($"- Machine: {Environment.ProcessorCount} cores (`nproc`), {Gib(ProcFs.MemTotalBytes())} memory, {ProcFs.CpuModel() ?? "CPU unknown"}; " +
                      $"{ProcFs.OsName() ?? RuntimeInformation.OSDescription}. Shared with other work: see the machine's busy share per phase below.");
        md.AppendLine($"- Software: {RuntimeInformation.FrameworkDescription}, PostgreSQL {r.PostgresVersion ?? "?"}, RabbitMQ {r.RabbitMqVersion ?? "?"}, all on 127.0.0.1. " +
                      $"PostgreSQL connections: {r.PostgresConnection ?? "?"}.");
        md.AppendLine($"- The four services run from their Release build (environment Production) on their own database and RabbitMQ vhost (`{o.Backend}`), " +
                      "created for the run and dropped after it; the benchmark client runs on the same two cores.");
        md.AppendLine("- Every request carries a bearer token, validated by the services as in any deployment: they trust a signing key of the benchmark's own " +
                      "(a JWKS file of its public half, `Auth__SigningKeysFile`, issuer `urn:reintegration:benchmark`), written for the run by `keys`. " +
                      "The per-caller rate limits are still applied, set high (`Limits__*`) by `build/bench.sh`: the benchmark is one caller sending what many field apps would.");
        md.AppendLine($"- Traces: {TraceSamplingInUse()}; no OTLP exporter is set, so recorded spans are built but sent nowhere (a deployment that exports them pays more).");
        // The load average counts this run's own processes too; what others used is "everything else".
        var capacity = r.Cpu.Sum(c => c.Usage.Wall.TotalSeconds) * Environment.ProcessorCount;
        var others = r.Cpu.Sum(c => c.Usage.Seconds.GetValueOrDefault(CpuUsage.Others));
        if (capacity > 0)
            md.AppendLine($"- Other work on the machine (processes of neither this run, PostgreSQL nor RabbitMQ) used {others / capacity:P0} of its CPU time during the run " +
                          $"(load average {r.LoadAtStart:0.0} at the start)" +
                          (others / capacity > 0.10
                              ? ". **The machine was shared**: absolute figures are lower than on a quiet machine and vary from run to run; the ratios to the same run's baselines travel better."
                              : "."));
        md.AppendLine();

        if (r.Problems.Count > 0)
        {
            md.AppendLine("## Functional problems").AppendLine();
            md.AppendLine("The run found results that are wrong, not merely slow (the benchmark exited non-zero):").AppendLine();
            foreach (var problem in r.Problems) md.AppendLine($"- {problem}");
            md.AppendLine();
        }

        Summary(md, r);
        Missed(md, r);
        Baselines(md, r);
        Scenarios(md, r);
        TokenCost(md, r);
        EncryptionCost(md, r);
        Cpu(md, r);
        Memory(md, r);
        Logs(md, r);
        Reading(md);
        return md.ToString();
    }

    private static void Summary(StringBuilder md, RunResults r)
    {
        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| figure | measured | baseline (same run) | ratio | target, or reference from DESIGN.md | |");
        md.AppendLine("| --- | ---: | --- | ---: | --- | --- |");

        var copy = r.Copy?.PerSecond;
        var marten = r.MartenBatched;
        var bus = r.MassTransit?.PerSecond;
        Row(md, $"PostgreSQL binary COPY, {r.Options.CopyRows:N0} small rows", copy, "rows/s", null, null, "reference: 250k–490k rows/s", null);
        if (r.Marten is { } m)
        {
            Row(md, $"Marten batched appends, {m.Batched.Count:N0} events, {m.StreamsPerCommit} streams × {m.EventsPerStream} events per commit{Rounds(r)}",
                marten, "events/s", copy, "PostgreSQL COPY", "reference: ~37k events/s", null);
            Row(md, $"Marten, one event per commit ({m.OneEventPerCommit.Count:N0} commits; latency p50 {Ms(m.CommitLatency.P50)}, p99 {Ms(m.CommitLatency.P99)})",
                m.OneEventPerCommit.PerSecond, "events/s", marten, "Marten batched", "reference: ~1.1k events/s", null);
        }

        Row(md, $"MassTransit publish + consume, {r.Options.BusMessages:N0} messages", bus, "messages/s", null, null, "reference: 5k–7k messages/s", null);
        if (r.TokenValidation is { } t)
            md.AppendLine($"| Token validation, the services' JwtBearer authentication of one request, one core ({Us(t.CostUs)} CPU each) | {t.PerSecond:N0} authentications/s | " +
                          $"RS256 verify alone: {Us(t.RsaVerifyCpuUs)} | — | | |");

        foreach (var (ingestion, catchUp) in r.Batches)
        {
            var rate = ingestion.Events.PerSecond;
            Row(md, $"Batch ingestion at Intake over HTTP, batches of {ingestion.BatchSize}, {Posts(ingestion.Concurrency)}",
                rate, "events/s", marten, "Marten batched", $"≥ {BatchTargetShare:P0} of Marten batched", marten is { } b ? rate >= BatchTargetShare * b : null);
            if (catchUp is not null)
                md.AppendLine($"| … Reporting showed them all, after the last answer | {Sec(catchUp.Elapsed)} | — | — | | |");
            if (r.TokenValidation is { } token)
            {
                var share = BatchesPerSecond(ingestion) * token.CostUs / 1e6;
                md.AppendLine($"| … token validation's share of it (one per batch of {ingestion.BatchSize}: {BatchesPerSecond(ingestion):0.0} batches/s × {Us(token.CostUs)}) | " +
                              $"{Pct(share)} | — | — | token validation ≤ {TokenShareTarget:P0} of batch ingestion throughput | {Verdict(share <= TokenShareTarget)} |");
            }
        }

        if (r.IntakeAlone is { } alone)
        {
            Row(md, $"Batch ingestion at Intake alone (Counselling, Training and Reporting paused during it), batches of {alone.BatchSize}, one post at a time",
                alone.Events.PerSecond, "events/s", marten, "Marten batched", "(not a target: Intake's own cost, apart from the others' share of the machine)", null);
            if (r.IntakeAloneCatchUp is { } resumed)
                md.AppendLine($"| … Reporting showed them all, after the last answer (the paused services went on then) | {Sec(resumed.Elapsed)} | — | — | | |");
        }

        foreach (var a in new[] { r.GroupSessions, r.Trainings }.OfType<ActivityIngestion.Result>())
        {
            Row(md, $"Batch ingestion of {a.What} of {a.PerEvent} at {a.Service} over HTTP, batches of up to {r.Options.BatchSize} within 1 MiB, one post at a time",
                a.Events.PerSecond, "events/s", marten, "Marten batched", "(no target)", null);
            md.AppendLine($"| … {(a.Service == PartnerSimulator.CloudEvents.PartnerService.Counselling ? "participant checks" : "workers named")} | {a.PeoplePerSecond:N0}/s | — | — | | |");
        }

        if (r.Encryption is { } seal)
            Row(md, $"Marten appends of registrations as Intake stores them (sealed, key row), {seal.Sealed.Count:N0} in commits of {seal.PerCommit}",
                seal.Sealed.PerSecond, "events/s", seal.Plain.PerSecond, "same, plain, no key row", "(cost of encryption)", null);

        if (r.EndToEnd is { } e)
            Row(md, $"End-to-end drain, {e.DistinctEvents:N0} events, first post until GET /indicators shows them all",
                e.Events.PerSecond, "events/s", bus, "MassTransit", $"≥ {EndToEndTarget:N0} events/s", e.Events.PerSecond >= EndToEndTarget);

        if (r.Single is { } s)
        {
            var commit = r.Marten?.CommitLatency;
            md.AppendLine($"| Single-event posts at {s.Rate}/s open loop, {s.Sent:N0} requests: p50 / p95 / p99 / max | " +
                          // p99 to a tenth: it is judged against 50 ms, and "50 ms" rounded from 49.6 read as a miss marked met.
                          $"{Ms(s.Latency.P50)} / {Ms(s.Latency.P95)} / {s.Latency.P99.ToString("0.0", CultureInfo.InvariantCulture)} ms / {Ms(s.Latency.Max)} | " +
                          $"{(commit is null ? "—" : $"one Marten commit p50 {Ms(commit.P50)}, p99 {Ms(commit.P99)}")} | " +
                          $"{(commit is null ? "—" : $"p99 ×{s.Latency.P99 / commit.P99:0.0}")} | p99 < {SingleP99TargetMs:0} ms | {Verdict(s.Latency.P99 < SingleP99TargetMs)} |");
            if (r.TokenValidation is { } token)
                md.AppendLine($"| … token validation in it: {Us(token.CostUs)} per request, of p50 / p99 | {Pct(token.CostUs / 1000 / s.Latency.P50)} / {Pct(token.CostUs / 1000 / s.Latency.P99)} | — | — | | |");
        }

        md.AppendLine();
    }

    private static string Rounds(RunResults r) =>
        r.MartenBatchedRounds.Count < 2 ? ""
            : $", median of {r.MartenBatchedRounds.Count} rounds ({r.MartenBatchedRounds.Min(x => x.PerSecond):N0}–{r.MartenBatchedRounds.Max(x => x.PerSecond):N0})";

    /// <summary>For each missed target, who used the CPU during that phase: the first thing to look at on two shared cores.</summary>
    private static void Missed(StringBuilder md, RunResults r)
    {
        // A missed batch target also carries its events and the rate it needed, for its ceiling.
        var missed = new List<(string Figure, string Phase, (long Events, double Needed)? Batch)>();
        var marten = r.MartenBatched;
        foreach (var (ingestion, _) in r.Batches)
            if (marten is { } b && ingestion.Events.PerSecond < BatchTargetShare * b)
                missed.Add(($"batch ingestion, {Posts(ingestion.Concurrency)}", Phases.Batch(ingestion.Concurrency), (ingestion.Events.Count, BatchTargetShare * b)));
        if (r.EndToEnd is { } e && e.Events.PerSecond < EndToEndTarget) missed.Add(("end-to-end drain", Phases.EndToEnd, null));
        if (r.Single is { } s && s.Latency.P99 >= SingleP99TargetMs) missed.Add(("single-event p99", Phases.Single, null));
        if (r.TokenValidation is { } t)
            foreach (var (ingestion, _) in r.Batches)
                if (BatchesPerSecond(ingestion) * t.CostUs / 1e6 > TokenShareTarget)
                    missed.Add(($"token validation's share of batch ingestion, {Posts(ingestion.Concurrency)}", Phases.Batch(ingestion.Concurrency), null));
        if (missed.Count == 0) return;

        md.AppendLine("Where a target was missed, this is where the CPU went during that phase (details below):").AppendLine();
        foreach (var (figure, phase, batch) in missed)
        {
            if (r.Cpu.FirstOrDefault(c => c.Phase == phase).Usage is not { } usage) continue;
            var top = usage.Seconds.OrderByDescending(x => x.Value).Take(4).Select(x => $"{x.Key} {x.Value:0.0} s");
            var busy = usage.MachineBusy is { } b ? $"the machine was {b:P0} busy" : "machine load unknown";
            md.AppendLine($"- {figure}: over {Sec(usage.Wall)}, {busy}; most CPU: {string.Join(", ", top)}." +
                          (batch is { } missedBatch ? Ceiling(usage, missedBatch.Events, missedBatch.Needed) + Shares(usage, missedBatch.Events) : ""));
        }

        md.AppendLine();
    }

    /// <summary>
    /// What the phase's CPU per event allows on this machine's cores, against what the target needs:
    /// whether the figure is bound by the machine or by the answer's serial steps.
    /// </summary>
    private static string Ceiling(CpuUsage usage, long events, double targetPerSecond)
    {
        if (usage.MachineBusy is not { } busy || events == 0) return "";
        var cores = Environment.ProcessorCount;
        var perEvent = usage.Wall.TotalSeconds * cores * busy / events * 1e6;
        return $" Across the machine that is {perEvent:N0} µs of CPU per registration: at that cost its {cores} cores take at most {cores * 1e6 / perEvent:N0} a second; " +
               $"the target ({targetPerSecond:N0} events/s) needs at most {cores * 1e6 / targetPerSecond:N0} µs, the load generator included.";
    }

    /// <summary>
    /// Each service's whole cost per registration in the phase: its process and PostgreSQL's work
    /// for it, so that Intake's own share is told apart from what the services that learn each
    /// registration take of the same cores.
    /// </summary>
    private static string Shares(CpuUsage usage, long events)
    {
        if (usage.PostgresBy.Count == 0 || events == 0) return "";
        // The services: the owners PostgreSQL's work is split by that are also processes the meter reads.
        var shares = usage.PostgresBy.Keys.Where(usage.Seconds.ContainsKey)
            .Select(name => (Name: name, Own: usage.Seconds[name], Database: usage.PostgresBy[name]))
            .Where(x => x.Own + x.Database >= 0.05)
            .OrderByDescending(x => x.Own + x.Database)
            .Select(x => $"{x.Name} {PerEvent(x.Own + x.Database, events)} ({PerEvent(x.Own, events)} in its process, {PerEvent(x.Database, events)} in PostgreSQL's work for it)");
        return $" By service, each with PostgreSQL's work for it: {string.Join("; ", shares)}; PostgreSQL's own maintenance " +
               $"{PerEvent(usage.PostgresBy.GetValueOrDefault(PostgresOwners.Maintenance), events)}, and its processes that ended within the phase " +
               $"(autovacuum workers, closed connections) {PerEvent(usage.PostgresBy.GetValueOrDefault(PostgresOwners.Ended), events)}.";
    }

    private static string PerEvent(double seconds, long events) => $"{seconds * 1e6 / events:N0} µs";

    private static void Baselines(StringBuilder md, RunResults r)
    {
        md.AppendLine("## Baselines").AppendLine();
        if (r.Copy is { } c)
            md.AppendLine($"- **PostgreSQL COPY**: {c.Count:N0} rows (bigint, int, text, timestamptz) into a temporary table with Npgsql's binary import in {Sec(c.Elapsed)}: **{c.PerSecond:N0} rows/s**. The most any writer can get from this database here.");
        if (r.Marten is { } m)
        {
            md.AppendLine($"- **Marten batched appends**: a DocumentStore of its own in schema `bench_raw` (no projections, documents or daemon); " +
                          $"{m.Batched.Count:N0} events as new streams of {m.EventsPerStream} events, {m.StreamsPerCommit} streams per session and `SaveChangesAsync`, in {Sec(m.Batched.Elapsed)}: **{m.Batched.PerSecond:N0} events/s**" +
                          (r.MartenRounds.Count == 0 ? "." :
                              $"; measured again just before each batch-ingestion phase, with the services idle: {string.Join(", ", r.MartenRounds.Select(x => $"{x.PerSecond:N0}"))} events/s. " +
                              $"The services' batch figures are set against the median of these {r.MartenBatchedRounds.Count} rounds, **{r.MartenBatched:N0} events/s**: one round of about a second moves with what else the machine does by more than the changes measured against it."));
            md.AppendLine($"- **Marten one event per commit**: {m.OneEventPerCommit.Count:N0} sessions of one new stream with one event, in {Sec(m.OneEventPerCommit.Elapsed)}: " +
                          $"**{m.OneEventPerCommit.PerSecond:N0} events/s**; commit latency p50 {Ms(m.CommitLatency.P50)}, p95 {Ms(m.CommitLatency.P95)}, p99 {Ms(m.CommitLatency.P99)}, max {Ms(m.CommitLatency.Max)}. " +
                          (r.Marten.Batched.PerSecond > 0 ? $"Batching is ×{m.Batched.PerSecond / m.OneEventPerCommit.PerSecond:0} faster." : ""));
        }

        if (r.TokenValidation is { } t)
            md.AppendLine($"- **Token validation**: the run's access token ({t.TokenBytes:N0} bytes, RS256) validated {t.Validations:N0} times one after another on one thread, " +
                          $"after a warm-up of a tenth as many calls and at least 2 s (so the JIT's recompilation of hot code is not counted), with the services' own configuration (`TokenValidation` over the same JWKS file, issuer and audience): " +
                          $"the whole authentication step as the services' middleware runs it (`AuthenticateAsync` through the JwtBearer handler, the catalogue's shape check included) " +
                          $"**{Us(t.AuthenticateCpuUs)} of CPU** per request ({Us(t.AuthenticateWallUs)} wall clock; medians of 10 rounds taking turns with the two below, CPU time of the measuring thread), **{t.PerSecond:N0} per second on one core**; " +
                          $"the token handler alone (`ValidateTokenAsync`) {Us(t.HandlerCpuUs)} CPU ({Us(t.HandlerWallUs)} wall); one RS256 signature verification alone {Us(t.RsaVerifyCpuUs)}. See *Token validation* below for its share of each phase.");
        if (r.MassTransit is { } b)
            md.AppendLine($"- **MassTransit over RabbitMQ**: {b.Count:N0} small messages published in pages of {r.Options.BusPage} (each page concurrently, publisher confirms on), " +
                          $"consumed by a counting consumer (prefetch 64, 16 concurrent, one message at a time), until the last was consumed: {Sec(b.Elapsed)}, **{b.PerSecond:N0} messages/s**.");
        md.AppendLine();
    }

    private static void Scenarios(StringBuilder md, RunResults r)
    {
        md.AppendLine("## Through the services").AppendLine();
        if (r.WarmUp is { } w)
            md.AppendLine($"- **Cold start** (not a target; every figure below is measured after it): the first requests after the services started, " +
                          $"a programme of {w.Returnees} returnees ({w.DistinctEvents} events) through every path, took {Sec(w.Posting)} to post " +
                          $"({PostingByService(w)}) and Reporting showed it after {Sec(w.Drained)}. The first request of each kind pays for JIT compilation " +
                          "and for Marten generating and compiling its storage code at run time.");
        if (r.BatchWarmUps.Count > 0)
            md.AppendLine($"- **Warm-up batches** (not measured): a round of each batch phase below, in its shape, before it was measured: " +
                          string.Join("; ", r.BatchWarmUps.Select(w => $"{w.Events.Count:N0} registrations in batches of {w.BatchSize}, {Posts(w.Concurrency)}, {w.Events.PerSecond:N0} events/s")) +
                          ", each then until Reporting showed them. Without it the first measured phase paid for the services' JIT tiers, connection pools and " +
                          "first full-size consumer batches: three one-at-a-time phases in a row took 2,480, 5,455 and 5,928 events/s (run of 2026-12-03).");
        foreach (var (i, catchUp) in r.Batches)
        {
            var capped = i.Events.Count < i.Planned ? $" (of {i.Planned:N0} planned: no new batch after {r.Options.BatchSeconds} s)" : "";
            md.AppendLine($"- **Batch ingestion, {Posts(i.Concurrency)}**: {i.Events.Count:N0} new registrations{capped} from the simulator to Intake's `POST /events` " +
                          $"in {i.BatchLatency.Count} batches of up to {i.BatchSize}, every one accepted, in {Sec(i.Events.Elapsed)}: **{i.Events.PerSecond:N0} events/s**. " +
                          $"Batch answer time p50 {Ms(i.BatchLatency.P50)}, p95 {Ms(i.BatchLatency.P95)}, max {Ms(i.BatchLatency.Max)}." +
                          (catchUp is null ? "" : $" Reporting showed all of them {Sec(catchUp.Elapsed)} after the last answer (GET /indicators p50 {Ms(catchUp.Polls.P50)})."));
        }

        if (r.IntakeAlone is { } alone)
        {
            var usage = r.Cpu.FirstOrDefault(c => c.Phase == Phases.IntakeAlone).Usage;
            var perRegistration = usage is null || alone.Events.Count == 0 ? ""
                : $" CPU per registration during it: {string.Join(", ", usage.Seconds.Where(x => x.Value >= 0.05).OrderByDescending(x => x.Value).Select(x => $"{x.Key} {x.Value * 1e6 / alone.Events.Count:N0} µs"))}" +
                  (usage.PostgresBy.TryGetValue("Intake", out var forIntake) ? $"; of PostgreSQL's, its work for Intake {PerEvent(forIntake, alone.Events.Count)} and its maintenance {PerEvent(usage.PostgresBy.GetValueOrDefault(PostgresOwners.Maintenance), alone.Events.Count)}" : "") +
                  (usage.MachineBusy is { } busy ? $"; the machine {busy:P0} busy." : ".");
            md.AppendLine($"- **Intake alone** (not a target): the one-post-at-a-time phase again, {alone.Events.Count:N0} new registrations in {alone.BatchLatency.Count} batches, " +
                          $"with Counselling, Training and Reporting stopped (SIGSTOP) from before the first post until the last answer: **{alone.Events.PerSecond:N0} events/s**" +
                          (r.MartenBatched is { } m ? $", {alone.Events.PerSecond / m:P0} of Marten batched" : "") +
                          $". Batch answer time p50 {Ms(alone.BatchLatency.P50)}, max {Ms(alone.BatchLatency.Max)}. What Intake published meanwhile waited in the paused services' queues" +
                          (r.IntakeAloneCatchUp is { } resumed ? $"; Reporting showed all of it {Sec(resumed.Elapsed)} after the last answer." : ".") +
                          perRegistration + " This is Intake's cost by itself less most of its publishing, which does little while the services are paused " +
                          "(profiled 2026-12-03: the publisher 1.9 % of Intake's samples in this phase, 6.8 % one post at a time with everything running); " +
                          "the phases above are what it gets on two cores shared with the services that learn what it takes.");
        }

        if (r.EndToEnd is { } e)
        {
            md.AppendLine($"- **End-to-end drain**: a programme of {e.Returnees:N0} returnees ({e.DistinctEvents:N0} distinct events; {e.PostedEvents:N0} posted in {e.Batches} batches of up to 500, " +
                          $"resent batches included) to Intake, Training and Counselling, {Posts(e.Concurrency)}. All posts answered after {Sec(e.Posting)}; " +
                          $"`GET /indicators` showed exactly the expected figures after **{Sec(e.Drained)}: {e.Events.PerSecond:N0} events/s**. " +
                          $"Polled every 100 ms after each answer: {e.Polls.Count} polls, each answer p50 {Ms(e.Polls.P50)}, max {Ms(e.Polls.Max)}. " +
                          $"Figures shown: {Headline.Line(e.Shown)}. Posting by service: {PostingByService(e)}.");
        }

        foreach (var a in new[] { r.GroupSessions, r.Trainings }.OfType<ActivityIngestion.Result>())
        {
            var capped = a.Events.Count < a.Planned ? $" (of {a.Planned:N0} planned: no new batch after {r.Options.BatchSeconds} s)" : "";
            var people = a.Service == PartnerSimulator.CloudEvents.PartnerService.Counselling
                ? $"{a.PeoplePerSecond:N0} participant checks/s (each participant's learned consent, closure and erasure read and version-checked)"
                : $"{a.PeoplePerSecond:N0} workers/s";
            md.AppendLine($"- **Batch ingestion of {a.What}** of {a.PerEvent} people each at {a.Service}'s `POST /events`: {a.Events.Count:N0} new events{capped} in {a.BatchLatency.Count} batches, " +
                          $"every one accepted, in {Sec(a.Events.Elapsed)}: **{a.Events.PerSecond:N0} events/s**, {people}; " +
                          $"{(r.MartenBatched is { } m ? $"{a.Events.PerSecond / m:P1} of raw Marten batched appends ({m:N0} events/s)" : "no Marten baseline")}. " +
                          $"Batch answer time p50 {Ms(a.BatchLatency.P50)}, max {Ms(a.BatchLatency.Max)}.");
        }

        if (r.Single is { } s)
        {
            md.AppendLine($"- **Single-event posts**: {s.Sent:N0} new registrations as `application/cloudevents+json`, one every {1000.0 / s.Rate:0} ms for {s.Duration.TotalSeconds:0} s " +
                          $"without waiting for answers (after 50 unmeasured warm-up posts), each answered 202. Latency from the scheduled send: " +
                          $"p50 {Ms(s.Latency.P50)}, p95 {Ms(s.Latency.P95)}, p99 **{Ms(s.Latency.P99)}**, max {Ms(s.Latency.Max)}, mean {Ms(s.Latency.Mean)}. " +
                          $"The client sent at most {Ms(s.MaxSendLagMs)} behind schedule; the last answer came {Sec(s.Answered)} after the first send " +
                          (s.Answered.TotalSeconds > s.Duration.TotalSeconds * 1.1
                              ? $"(Intake answered {s.Sent / s.Answered.TotalSeconds:N0}/s, below the {s.Rate}/s offered, so requests queued)."
                              : "(Intake kept pace).") +
                          (r.SingleCatchUp is { } c ? $" Reporting showed all {s.Posted:N0} (warm-up included) {Sec(c.Elapsed)} after the last answer." : "") +
                          $" Slowest answer per second of the schedule (ms): {string.Join(", ", s.WorstBySecond.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))}.");
        }

        if (r.IndicatorCalls is { } calls)
        {
            var usage = r.Cpu.FirstOrDefault(c => c.Phase == Phases.Indicators).Usage;
            var cost = usage is null ? "" :
                $" CPU per call: Reporting {usage.Seconds.GetValueOrDefault("Reporting") / calls.Count:0.00} s, PostgreSQL {usage.Seconds.GetValueOrDefault(CpuMeter.Postgres) / calls.Count:0.00} s.";
            var registered = (r.SingleCatchUp?.Values ?? r.EndToEnd?.Shown)?.GetValueOrDefault(PartnerSimulator.Generation.IndicatorCodes.ReturneesRegistered);
            md.AppendLine($"- **GET /indicators** once everything was in{(registered is { } n ? $" (about {n:N0} returnees known)" : "")}: {calls.Count} calls one after another, " +
                          $"p50 {Ms(calls.P50)}, max {Ms(calls.Max)}.{cost} With nothing new projected between them, calls after the first are answered from the answer Reporting keeps until its projections move; the polls of the phases above, made while events arrived, computed anew from every journey.");
        }

        md.AppendLine();
    }

    /// <summary>What token validation costs each phase that ran with it: its rate × the cost of one validation.</summary>
    private static void TokenCost(StringBuilder md, RunResults r)
    {
        if (r.TokenValidation is not { } t) return;
        md.AppendLine("## Token validation").AppendLine();
        md.AppendLine("The services have no way to switch token validation off, by design: there is no bypass to measure \"without\" against. " +
                      "So its cost is measured on its own, in the same run, with the services' exact configuration (*Baselines* above), and set against the request rate of each phase " +
                      $"that ran with it: share = requests per second × seconds per validation ({Us(t.CostUs)} of CPU, the whole JwtBearer authentication step), the part of one core's time " +
                      "the phase spent validating tokens. With one request at a time, each waits for its validation, so without it throughput could be at most 1 / (1 − share) times the measured one; " +
                      "with several in flight, on two shared cores, share is still the CPU time validation takes from everything else. " +
                      "Validation runs once per request, whatever the request holds: a batch of 500 events pays for it once. " +
                      "The services validated on cores busy with everything else, so their own cost per validation may be somewhat higher than this quiet-thread figure.").AppendLine();
        md.AppendLine("| phase | requests/s | share of the phase (one core) | added per request | against the answer time p50 / p99 | of Intake's CPU per request |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (i, _) in r.Batches)
        {
            var rate = BatchesPerSecond(i);
            md.AppendLine($"| {Phases.Batch(i.Concurrency)}, batches of {i.BatchSize} | {rate:0.0} | **{Pct(rate * t.CostUs / 1e6)}** (≤ {TokenShareTarget:P0}: {Verdict(rate * t.CostUs / 1e6 <= TokenShareTarget)}) | " +
                          $"{Us(t.CostUs)} ({Us(t.CostUs / i.BatchSize)} per event) | {Pct(t.CostUs / 1000 / i.BatchLatency.P50)} / {Pct(t.CostUs / 1000 / i.BatchLatency.P99)} | " +
                          $"{OfIntake(r, Phases.Batch(i.Concurrency), i.BatchLatency.Count, t.CostUs)} |");
        }

        if (r.Single is { } s)
        {
            var rate = s.Sent / s.Answered.TotalSeconds;
            md.AppendLine($"| {Phases.Single}, one event each | {rate:0} | {Pct(rate * t.CostUs / 1e6)} | {Us(t.CostUs)} | " +
                          $"{Pct(t.CostUs / 1000 / s.Latency.P50)} / {Pct(t.CostUs / 1000 / s.Latency.P99)} (p50 {Ms(s.Latency.P50)}, p99 {Ms(s.Latency.P99)}) | " +
                          $"{OfIntake(r, Phases.Single, s.Sent, t.CostUs)} |");
        }

        md.AppendLine();
    }

    /// <summary>What sealing identifying data costs Intake: the same appends with and without it, and the sealing CPU against batch ingestion.</summary>
    private static void EncryptionCost(StringBuilder md, RunResults r)
    {
        if (r.Encryption is not { } e) return;
        md.AppendLine("## Encryption of identifying data").AppendLine();
        md.AppendLine("The services have no switch to store registrations unencrypted, by design (privacy by default), so the cost is measured where it lives, in the same run: " +
                      "Marten appends of registrations exactly as Intake stores them (Intake's `ReturneeRegistered` with the identity sealed by `Seal` under a new per-returnee key from a `KeyRing`, " +
                      "and that key's `PersonalDataKey` row in the same transaction) against the same registrations with the identity in plain and no key row, " +
                      $"one stream per registration, {e.PerCommit} per commit, in rounds that take turns; and, on its own, the CPU that making a key and sealing one identity takes (one thread, after a warm-up). " +
                      "The sealing's share of a batch-ingestion phase is its registrations per second × the sealing CPU per registration: the part of one core's time Intake spent sealing.").AppendLine();
        md.AppendLine("| figure | measured |");
        md.AppendLine("| --- | ---: |");
        md.AppendLine($"| registrations appended, sealed with a key row each | {e.Sealed.PerSecond:N0}/s ({e.Sealed.Count:N0} in {Sec(e.Sealed.Elapsed)}) |");
        md.AppendLine($"| the same, plain, no key row | {e.Plain.PerSecond:N0}/s ({e.Plain.Count:N0} in {Sec(e.Plain.Elapsed)}) |");
        md.AppendLine($"| sealed as a share of plain | **{e.Ratio:P0}** (encryption and its key rows take {1 - e.Ratio:P0} of the append rate) |");
        md.AppendLine($"| sealing CPU per registration (key + AES-256-GCM of the identity) | {Us(e.SealCpuUs)} ({1e6 / e.SealCpuUs:N0}/s on one core) |");
        foreach (var (i, _) in r.Batches)
            md.AppendLine($"| … its share of {Phases.Batch(i.Concurrency)} ({i.Events.PerSecond:N0} registrations/s) | {Pct(i.Events.PerSecond * e.SealCpuUs / 1e6)} of one core |");
        md.AppendLine();
    }

    /// <summary>Validation's part of the CPU Intake spent per request in a phase (its CPU seconds over the phase ÷ requests).</summary>
    private static string OfIntake(RunResults r, string phase, int requests, double costUs)
    {
        if (requests == 0 || r.Cpu.FirstOrDefault(c => c.Phase == phase).Usage is not { } usage || !usage.Seconds.TryGetValue("Intake", out var seconds) || seconds <= 0)
            return "?";
        var perRequestUs = seconds * 1e6 / requests;
        return $"{Pct(costUs / perRequestUs)} of {Us(perRequestUs)}";
    }

    private static double BatchesPerSecond(BatchIngestion.Result i) => i.BatchLatency.Count / i.Events.Elapsed.TotalSeconds;

    private static void Cpu(StringBuilder md, RunResults r)
    {
        if (r.Cpu.Count == 0) return;
        var columns = r.Cpu.SelectMany(p => p.Usage.Seconds.Keys).Distinct().ToList();
        md.AppendLine("## Where the CPU went").AppendLine();
        md.AppendLine($"CPU seconds (user + system) per process during each phase, how busy the machine's {Environment.ProcessorCount} cores were, " +
                      $"and the load average at the phase's end (above {Environment.ProcessorCount}, work queued for a core). From /proc. PostgreSQL and RabbitMQ are whole servers, " +
                      $"so they include anyone else's load; \"{CpuUsage.Others}\" is the busy time of every process not listed (builds, tests, other runs sharing the machine).").AppendLine();
        md.AppendLine($"| phase | from (UTC) | wall | machine busy | load (1 min) | {string.Join(" | ", columns)} |");
        md.AppendLine($"| --- | --- | ---: | ---: | ---: | {string.Join(" | ", columns.Select(_ => "---:"))} |");
        foreach (var (phase, usage) in r.Cpu)
        {
            var busy = usage.MachineBusy is { } b ? b.ToString("P0", CultureInfo.InvariantCulture) : "?";
            var load = usage.LoadAverage is { } l ? l.ToString("0.0", CultureInfo.InvariantCulture) : "?";
            md.AppendLine($"| {phase} | {usage.Started:HH:mm:ss} | {Sec(usage.Wall)} | {busy} | {load} | {string.Join(" | ", columns.Select(c => usage.Seconds.TryGetValue(c, out var s) ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–"))} |");
        }

        md.AppendLine();
        PostgresByOwner(md, r);
    }

    private static void PostgresByOwner(StringBuilder md, RunResults r)
    {
        var phases = r.Cpu.Where(c => c.Usage.PostgresBy.Count > 0).ToList();
        if (phases.Count == 0) return;
        var owners = phases.SelectMany(p => p.Usage.PostgresBy.Keys).Distinct()
            .OrderBy(o => o == PostgresOwners.Maintenance || o == PostgresOwners.OtherClients || o == PostgresOwners.Ended).ThenBy(o => o, StringComparer.Ordinal).ToList();
        md.AppendLine($"PostgreSQL's CPU seconds in each phase by whom its processes worked for: a service's backends by the application name its connections carry " +
                      $"(`reintegration-intake` and so on), the server's own processes as maintenance, and \"{PostgresOwners.Ended}\": what the processes that ended " +
                      "within the phase (autovacuum workers, closed connections) had used in their whole lives, the server's total less everything attributed.").AppendLine();
        md.AppendLine($"| phase | {string.Join(" | ", owners)} |");
        md.AppendLine($"| --- | {string.Join(" | ", owners.Select(_ => "---:"))} |");
        foreach (var (phase, usage) in phases)
            md.AppendLine($"| {phase} | {string.Join(" | ", owners.Select(o => usage.PostgresBy.TryGetValue(o, out var s) ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–"))} |");
        md.AppendLine();
    }

    private static void Memory(StringBuilder md, RunResults r)
    {
        if (r.Memory.Count == 0) return;
        md.AppendLine("## Resident memory after the run").AppendLine();
        md.AppendLine("| service | VmRSS | peak (VmHWM) |");
        md.AppendLine("| --- | ---: | ---: |");
        foreach (var (service, rss, peak) in r.Memory) md.AppendLine($"| {service} | {Mib(rss)} | {Mib(peak)} |");
        md.AppendLine();
    }

    private static void Logs(StringBuilder md, RunResults r)
    {
        if (r.Logs.Count == 0) return;
        md.AppendLine("## What the services logged").AppendLine();
        md.AppendLine("Warnings and errors in each service's log during the run, grouped by kind (ids masked as `<id>`, numbers as `N`), " +
                      "with the time (UTC) each kind was first seen, to line up with the phases' start times above. Full logs: `.run/bench/`.").AppendLine();
        md.AppendLine("| service | entries | first at | level | category | first exception line |");
        md.AppendLine("| --- | ---: | --- | --- | --- | --- |");
        foreach (var (service, kinds) in r.Logs)
        {
            if (kinds.Count == 0) md.AppendLine($"| {service} | 0 | | | | |");
            foreach (var k in kinds.Take(6))
                md.AppendLine($"| {service} | {k.Count:N0} | {k.FirstAt ?? "?"} | {k.Level} | {k.Category} | {k.Message.Replace("|", "/")} |");
            if (kinds.Count > 6) md.AppendLine($"| {service} | {kinds.Skip(6).Sum(k => k.Count):N0} | | | | ({kinds.Count - 6} more kinds) |");
        }

        md.AppendLine();
    }

    private static void Reading(StringBuilder md)
    {
        md.AppendLine("## How to read this").AppendLine();
        md.AppendLine("- Ratios put each figure against the baseline measured in the same run, on the same noisy machine: the ratio travels better than the absolute number.");
        md.AppendLine("- The raw Marten baseline stores one row per event and one per stream; an accepted partner event costs Intake more than that " +
                      "(its idempotency record and claims in the same commit, reading those and the subjects' streams back first to decide, parsing and validating the CloudEvent), " +
                      "and while it ingests, its publishing subscription and the consumers of Counselling and Reporting compete for the same two cores.");
        md.AppendLine("- End to end, each event is stored twice (by its service and by Reporting) and crosses RabbitMQ once per consumer; the MassTransit baseline bounds it.");
        md.AppendLine("- The benchmark fails (non-zero exit) only on wrong results: a rejection, a figure Reporting never reaches or overshoots, a lost message. A missed target is reported, not failed.");
    }

    private static string PostingByService(EndToEndDrain.Result e) =>
        string.Join("; ", e.ByService.Select(x =>
            $"{x.Key} {x.Value.Events:N0} events in {x.Value.Batches} {(x.Value.Batches == 1 ? "batch" : "batches")}, {Sec(x.Value.Time)} ({Rate(x.Value.Events / x.Value.Time.TotalSeconds)} events/s)"));

    private static string Rate(double perSecond) => perSecond.ToString(perSecond < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder md, string what, double? value, string unit, double? baseline, string? baselineName, string target, bool? met)
    {
        var measured = value is { } v ? $"{v:N0} {unit}" : "failed";
        var against = baseline is { } b && baselineName is not null ? $"{baselineName}: {b:N0}/s" : "—";
        var ratio = value is { } x && baseline is { } y && y > 0 ? (x / y).ToString("P0", CultureInfo.InvariantCulture) : "—";
        md.AppendLine($"| {what} | {measured} | {against} | {ratio} | {target} | {Verdict(met)} |");
    }

    private static string Verdict(bool? met) => met switch { true => "met", false => "**missed**", null => "" };
    private static string Posts(int concurrency) => concurrency == 1 ? "one post at a time" : $"{concurrency} posts in flight";
    private static string Us(double us) => double.IsNaN(us) ? "?" : us.ToString(us < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " µs";
    private static string Pct(double share) => double.IsNaN(share) || double.IsInfinity(share) ? "?" : share.ToString(share < 0.001 ? "0.000 %" : share < 0.1 ? "0.00 %" : "0.0 %", CultureInfo.InvariantCulture);
    private static string Ms(double ms) => double.IsNaN(ms) ? "?" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
    private static string Sec(TimeSpan t) => t.TotalSeconds.ToString(t.TotalSeconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";
    private static string Mib(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:N0} MiB" : "?";
    private static string Gib(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0 / 1024.0:0.0} GiB" : "? GiB";

    /// <summary>The services inherit the benchmark's environment (build/bench.sh exports it to both), so what it says here is what they sample.</summary>
    private static string TraceSamplingInUse() =>
        Environment.GetEnvironmentVariable("OTEL_TRACES_SAMPLER") is { Length: > 0 } sampler
            ? $"`OTEL_TRACES_SAMPLER={sampler}`" + (Environment.GetEnvironmentVariable("OTEL_TRACES_SAMPLER_ARG") is { Length: > 0 } arg ? $" (`{arg}`)" : "")
            : Environment.GetEnvironmentVariable("Telemetry__TraceSampleRatio") is { Length: > 0 } ratio
                ? $"a share of {ratio} recorded (`Telemetry__TraceSampleRatio`)"
                : $"the services' default, a share of {Reintegration.ServiceDefaults.Telemetry.TraceSampling.DefaultRatio} recorded, each trace whole (`TraceSampling`; `docs/decisions.md`, *Telemetry: sampled traces*)";
}
