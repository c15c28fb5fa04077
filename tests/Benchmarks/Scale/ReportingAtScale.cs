using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Reintegration.Benchmarks.Report;
using Reintegration.Benchmarks.Setup;

namespace Reintegration.Benchmarks.Scale;

/// <summary>
/// Reporting at the size of the issue (1,000,000 returnees, 10,000,000 activities by default):
/// its log seeded by COPY (the raw baseline), its read models rebuilt through
/// <c>POST /operations/rebuilds</c>, the indicators asked over HTTP with the answer cache off (each
/// request computed from PostgreSQL), cold and warm, against one SQL aggregate over a flat table
/// in the same database, and the line list exported while Reporting's memory is sampled.
/// Appends its section to the report.
/// </summary>
public static class ReportingAtScale
{
    private static readonly string[] ReadModels = ["returnee_facts", "worker_facts", "activity_facts"];

    private static readonly (string Name, string Query, string Baseline, bool Target)[] Questions =
    [
        ("no filter", "", "select count(*), count(distinct returnee_id) from flat_sessions", true),
        ("a region", "region=kita", "select count(*), count(distinct returnee_id) from flat_sessions where region = 'kita'", true),
        ("a quarter", "from=2026-04-01&to=2026-06-30", "select count(*), count(distinct returnee_id) from flat_sessions where day between '2026-04-01' and '2026-06-30'", true),
        ("a region × month", "from=2026-05-01&to=2026-05-31&region=kita",
            "select count(*), count(distinct returnee_id) from flat_sessions where region = 'kita' and day between '2026-05-01' and '2026-05-31'", true),
        ("an arbitrary window", "from=2026-03-10&to=2026-04-20",
            "select count(*), count(distinct returnee_id) from flat_sessions where day between '2026-03-10' and '2026-04-20'", false),
        ("a monthly series", "interval=month", "select date_trunc('month', day), count(distinct returnee_id) from flat_sessions group by 1", false),
    ];

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required");
        var reporting = new Uri(Arg("--reporting"));
        var pid = int.Parse(Arg("--pid"), CultureInfo.InvariantCulture);
        var postgres = Arg("--postgres");
        var seededEvents = long.Parse(Arg("--seeded-events"), CultureInfo.InvariantCulture);
        var seedSeconds = double.Parse(Arg("--seed-seconds"), CultureInfo.InvariantCulture);
        var returnees = long.Parse(Arg("--returnees"), CultureInfo.InvariantCulture);
        var output = Arg("--output");
        var token = BenchmarkKey.MintForScale(BenchmarkKey.Load(Arg("--keys")), TimeSpan.FromHours(4));
        using var http = new HttpClient { BaseAddress = reporting, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var md = new StringBuilder();
        md.AppendLine().AppendLine("## Reporting at scale (issue 9)").AppendLine();
        md.AppendLine($"{returnees:N0} returnees, {seededEvents:N0} events in Reporting's log, written by binary COPY in {seedSeconds:N1} s: "
                      + $"**{seededEvents / seedSeconds:N0} events/s, the raw baseline**. The read models were then rebuilt from the log "
                      + "through `POST /operations/rebuilds`, one after the other, while Reporting ran; the rate is the service's own "
                      + "progress figure (events read, over the time from start to swap).").AppendLine();
        md.AppendLine("Events read: those of the types the read model counts (it skips the others in the query); the log per second: "
                      + "the whole log covered (up to `builtTo`) over the rebuild's time, the figure the target is about.").AppendLine();
        md.AppendLine("| read model | events read | seconds | events read/s | log per second | of raw COPY | target ≥ 30,000/s | machine busy | Reporting peak RSS |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var cpu = new CpuMeter(new Dictionary<string, int> { ["Reporting"] = pid });
        var failed = false;
        foreach (var readModel in ReadModels)
        {
            var before = cpu.Take();
            long peak = 0;
            using var response = await http.PostAsJsonAsync("operations/rebuilds", new { readModel }, cancellationToken);
            var started = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? throw new BenchmarkFailure("no rebuild answer");
            if (!response.IsSuccessStatusCode) throw new BenchmarkFailure($"POST /operations/rebuilds answered {(int)response.StatusCode}: {started.ToJsonString()}");
            JsonObject progress;
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                peak = Math.Max(peak, ProcFs.StatusBytes(pid, "VmRSS") ?? 0);
                progress = (await http.GetFromJsonAsync<JsonObject>($"operations/rebuilds/{started["id"]}", cancellationToken))!;
            } while ((string?)progress["state"] is not ("completed" or "failed" or "abandoned"));

            var usage = CpuUsage.Between(before, cpu.Take());
            if ((string?)progress["state"] != "completed")
            {
                failed = true;
                md.AppendLine($"| {readModel} | {(string?)progress["state"]}: {(string?)progress["error"]} | | | | | | | |");
                continue;
            }

            var rate = (double)progress["eventsPerSecond"]!;
            var seconds = ((DateTimeOffset)progress["finishedAt"]! - (DateTimeOffset)progress["startedAt"]!).TotalSeconds;
            var log = (long)progress["builtTo"]! / seconds;
            md.AppendLine($"| {readModel} | {(long)progress["eventsDone"]!:N0} | {seconds:N1} | {rate:N0} | {log:N0} | {log / (seededEvents / seedSeconds):P0} | "
                          + $"{(log >= 30_000 ? "met" : "**missed**")} | {usage.MachineBusy:P0} | {peak / 1048576.0:N0} MiB |");
        }

        md.AppendLine().AppendLine(await FiguresAsync(http, cancellationToken)).AppendLine();
        md.AppendLine(await QuestionsAsync(http, postgres, cancellationToken));
        md.AppendLine(await ExportsAsync(http, pid, cancellationToken));
        await File.AppendAllTextAsync(output, md.ToString(), cancellationToken);
        Console.WriteLine(md.ToString());
        return failed ? 1 : 0;
    }

    /// <summary>A check that the rebuilt read models hold the seeded programme.</summary>
    private static async Task<string> FiguresAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var answer = (await http.GetFromJsonAsync<JsonObject>("indicators?disclosure=detail", cancellationToken))!;
        var values = answer["indicators"]!.AsArray().ToDictionary(i => (string)i!["code"]!, i => (decimal?)i!["value"]);
        return $"After the rebuilds: returnees-registered {values["returnees-registered"]:N0}, counselling-sessions {values["counselling-sessions"]:N0}, "
               + $"assessments {values["assessments"]:N0}, returnees-reached {values["returnees-reached"]:N0}, workers-trained "
               + $"{values["workers-trained"]:N0}, group-sessions {values["group-sessions"]:N0}.";
    }

    private static async Task<string> QuestionsAsync(HttpClient http, string postgres, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            drop table if exists public.flat_sessions;
            create unlogged table public.flat_sessions as
            select (s.body->>'returnee_id')::uuid as returnee_id, (s.body->>'held_on')::date as day, r.body->>'region' as region
            from reporting.returnee_facts_rows s join reporting.returnee_facts_rows r on r.fact = 'returnee' and r.key = s.body->>'returnee_id' where s.fact = 'session';
            create index on public.flat_sessions (day); create index on public.flat_sessions (region, day); analyze public.flat_sessions;
            """, cancellationToken);

        var md = new StringBuilder();
        md.AppendLine("`GET /indicators?disclosure=detail&…` over HTTP, the answer cache off (`Indicators:CacheAnswers=false`: every request computes "
                      + "all 15 indicators from PostgreSQL; with the cache on, a repeated question costs one progress query). Cold: the first "
                      + "request of the question after the rebuilds; warm: 40 more. Baseline: one `count(*), count(distinct)` over a flat, "
                      + "indexed table of the sessions in the same database (median of 5), the raw cost of one of the 15 answers.").AppendLine();
        md.AppendLine("| question | cold ms | warm p50 ms | warm p95 ms | target p95 < 50 ms | flat-table aggregate ms | p95 / aggregate |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, query, baseline, target) in Questions)
        {
            var path = "indicators?disclosure=detail" + (query.Length > 0 ? "&" + query : "");
            var cold = await TimeAsync(() => GetAsync(http, path, cancellationToken));
            var warm = new List<double>();
            for (var i = 0; i < 40; i++) warm.Add(await TimeAsync(() => GetAsync(http, path, cancellationToken)));
            var flat = new List<double>();
            for (var i = 0; i < 5; i++) flat.Add(await TimeAsync(() => ExecuteAsync(connection, baseline, cancellationToken)));
            warm.Sort();
            flat.Sort();
            var p95 = warm[(int)Math.Ceiling(warm.Count * 0.95) - 1];
            md.AppendLine($"| {name} | {cold:N1} | {warm[warm.Count / 2]:N1} | {p95:N1} | {(target ? p95 < 50 ? "met" : "missed" : "(no target)")} | "
                          + $"{flat[2]:N1} | {p95 / flat[2]:N2} |");
        }

        return md.ToString();
    }

    /// <summary>The line list streamed to nowhere, Reporting's resident memory sampled every 50 ms; peaks per quarter of the download show whether it stays flat.</summary>
    private static async Task<string> ExportsAsync(HttpClient http, int pid, CancellationToken cancellationToken)
    {
        var md = new StringBuilder();
        md.AppendLine("The pseudonymous line list exported whole, streamed to nowhere, while Reporting's resident memory (VmRSS) was sampled "
                      + "every 50 ms: flat memory shows as four similar quarter peaks, whatever the row count.").AppendLine();
        md.AppendLine("| export | rows | MiB | seconds | RSS before | peak, by quarter of the download |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var before = ProcFs.StatusBytes(pid, "VmRSS") ?? 0;
            var samples = new List<(double At, long Rss)>();
            var clock = Stopwatch.StartNew();
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, ProcFs.StatusBytes(pid, "VmRSS") ?? 0));
                    try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
                }
            }, CancellationToken.None);

            using var response = await http.GetAsync($"exports/returnees.{format}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new BenchmarkFailure($"GET /exports/returnees.{format} answered {(int)response.StatusCode}");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[1 << 16];
            long bytes = 0, lines = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
                if (format == "csv") lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            var seconds = clock.Elapsed.TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            var quarters = Enumerable.Range(0, 4)
                .Select(q => samples.Where(s => s.At >= seconds * q / 4 && s.At <= seconds * (q + 1) / 4).Select(s => s.Rss).DefaultIfEmpty(0).Max() / 1048576.0)
                .Select(m => $"{m:N0}");
            md.AppendLine($"| returnees.{format} | {(format == "csv" ? (lines - 1).ToString("N0", CultureInfo.InvariantCulture) : "(same)")} | {bytes / 1048576.0:N0} | "
                          + $"{seconds:N1} | {before / 1048576.0:N0} MiB | {string.Join(" · ", quarters)} MiB |");
        }

        return md.ToString();
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new BenchmarkFailure($"GET /{path} answered {(int)response.StatusCode}: {body}");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
