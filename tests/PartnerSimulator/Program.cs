using System.Net.Http.Headers;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.PartnerSimulator.Cli;

/// <summary>
/// The console: generate, post, watch Reporting. Kept in its own namespace and internal so that
/// projects referencing the simulator as a library see only the generator and the client.
/// </summary>
internal static class Program
{
    private const int Ok = 0, Rejected = 1, BadOptions = 2, ContractBroken = 3;

    public static async Task<int> Main(string[] args)
    {
        CommandLine options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Try --help.");
            return BadOptions;
        }

        if (options.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return Ok;
        }

        // Before generating anything: a run that cannot authenticate should say so at once.
        string? token = null;
        if (!options.DryRun)
        {
            try
            {
                (token, var origin) = AccessToken.Resolve(options);
                Console.WriteLine($"Access token: {origin}.");
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return BadOptions;
            }
        }

        // The clock is read here, never inside the generator: it only caps a window that would
        // otherwise run into the future, which the services reject.
        var now = DateTimeOffset.UtcNow;
        var simulation = new SimulationOptions
        {
            Returnees = options.Returnees,
            Seed = options.Seed,
            Start = options.Start,
            Months = options.Months,
            NotAfter = now,
        };

        Programme programme;
        try
        {
            programme = ProgrammeGenerator.Generate(simulation);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return BadOptions;
        }

        var plan = programme.Batches(options.BatchSize);
        ProgrammeSummary.Print(Console.Out, programme, plan);
        ProgrammeSummary.PrintExpected(Console.Out, programme);

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return token is null ? DryRun(programme, now) : await PostAsync(options, token, programme, plan, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return ContractBroken;
        }
    }

    private static int DryRun(Programme programme, DateTimeOffset now)
    {
        ProgrammeSummary.PrintSamples(Console.Out, programme);
        var problems = ContractCheck.Problems(programme.Events, now);
        if (problems.Count == 0)
        {
            Console.WriteLine($"Catalogue check: all {programme.Events.Count} events pass.");
            return Ok;
        }

        Console.WriteLine($"Catalogue check: {problems.Count} problems, the first ones:");
        foreach (var problem in problems.Take(20)) Console.WriteLine($"  {problem}");
        return Rejected;
    }

    private static async Task<int> PostAsync(CommandLine options, string token, Programme programme, PostingPlan plan, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        // Every request carries the token: the posts and the indicator polls alike.
        HttpClient Client(Uri baseAddress, TimeSpan timeout) =>
            new(handler, disposeHandler: false)
            {
                BaseAddress = baseAddress,
                Timeout = timeout,
                DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            };

        // A full batch can take a while on a cold service; a stuck one should still end the run.
        using var intake = Client(options.Intake, TimeSpan.FromMinutes(5));
        using var counselling = Client(options.Counselling, TimeSpan.FromMinutes(5));
        using var training = Client(options.Training, TimeSpan.FromMinutes(5));
        using var reporting = Client(options.Reporting, TimeSpan.FromSeconds(10));

        var client = new PartnerClient(intake, counselling, training,
            new PartnerClientOptions { MaxConcurrentPostsPerService = options.Concurrency });

        PostingTally totals;
        try
        {
            totals = await client.RunAsync(plan, new ConsoleProgress(plan.Batches.Count), cancellationToken);
        }
        catch (PartnerPostException e)
        {
            Console.Error.WriteLine(e.Message);
            if (e.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
                Console.Error.WriteLine(
                    "The service refused the access token: a minted development key is trusted only by services in Development started by build/run.sh; otherwise pass --token with one from the deployment's identity provider (scopes events:write reports:read, sources " +
                    string.Join(", ", PartnerSources.Posting) + ").");
            return ContractBroken;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"A service could not be reached: {e.Message}");
            return ContractBroken;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("A service did not answer within 5 minutes.");
            return ContractBroken;
        }

        Console.WriteLine($"Posted: {totals} (expected accepted {plan.DistinctEventCount}, duplicate {plan.RetriedEventCount})");
        foreach (var rejection in totals.Rejections.Take(20)) Console.WriteLine($"  rejected: {rejection}");
        if (totals.Rejections.Count > 20) Console.WriteLine($"  … and {totals.Rejections.Count - 20} more");

        if (options.PollSeconds > 0)
        {
            var expected = ExpectedIndicators.Headline(programme);
            var final = await new IndicatorPoller(reporting, Console.Out)
                .PollAsync(expected, TimeSpan.FromSeconds(options.PollSeconds), cancellationToken);
            if (final is not null)
            {
                Console.WriteLine(IndicatorPoller.Matches(final, expected)
                    ? "Reporting matches what was posted."
                    : "Reporting differs from what was posted (still catching up, or holding earlier runs' data).");
            }
        }

        return totals.Rejected == 0 ? Ok : Rejected;
    }

    /// <summary>
    /// One line per batch for small plans, about forty lines for big ones, and always the last
    /// batch and any batch with rejections. Synchronous on purpose: System.Progress would post
    /// lines to the thread pool and mix their order.
    /// </summary>
    private sealed class ConsoleProgress(int total) : IProgress<PostingProgress>
    {
        private readonly int _every = Math.Max(1, (int)Math.Ceiling(total / 40.0));

        public void Report(PostingProgress value)
        {
            if (value.Posted % _every != 0 && value.Posted != value.Total && value.Answer.Rejected == 0) return;
            var width = value.Total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            var batch = value.Batch;
            Console.WriteLine(
                $"  batch {value.Posted.ToString().PadLeft(width)}/{value.Total} " +
                $"{batch.Service.ToString().ToLowerInvariant(),-11} {batch.Count,3} events{(batch.IsRetry ? " (retry)" : "        ")} " +
                $"| {value.Totals}");
        }
    }
}
