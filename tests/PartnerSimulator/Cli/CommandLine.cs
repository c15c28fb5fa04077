using System.Globalization;

namespace Reintegration.PartnerSimulator.Cli;

/// <summary>The console's options. Parsed by hand: a dozen flags do not need a package.</summary>
internal sealed record CommandLine
{
    public Uri Intake { get; init; } = new("http://127.0.0.1:5101/");
    public Uri Counselling { get; init; } = new("http://127.0.0.1:5102/");
    public Uri Training { get; init; } = new("http://127.0.0.1:5103/");
    public Uri Reporting { get; init; } = new("http://127.0.0.1:5104/");
    public int Returnees { get; init; } = 1000;
    public int Seed { get; init; } = 42;
    public int BatchSize { get; init; } = 500;
    public int Months { get; init; } = 9;
    public DateOnly Start { get; init; } = new(2026, 1, 5);
    public int Concurrency { get; init; } = 1;
    public int PollSeconds { get; init; } = 60;
    public string? Token { get; init; }
    public string? RunDirectory { get; init; }
    public bool DryRun { get; init; }
    public bool Help { get; init; }

    public const string Usage = """
        Reintegration partner simulator: generates a programme of partner events and posts them.

        Usage: Reintegration.PartnerSimulator [options]

          --intake URL        Intake service           (default http://127.0.0.1:5101)
          --counselling URL   Counselling service      (default http://127.0.0.1:5102)
          --training URL      Training service         (default http://127.0.0.1:5103)
          --reporting URL     Reporting service        (default http://127.0.0.1:5104)
          --returnees N       returnees to register    (default 1000)
          --seed N            random seed, 0 or more   (default 42)
          --batch-size N      events per POST, 1–500   (default 500)
          --months N          programme length         (default 9)
          --start YYYY-MM-DD  first day of activity    (default 2026-01-05)
          --concurrency N     posts in flight per service (default 1: strictly in order)
          --poll-seconds N    how long to wait for Reporting (default 60; 0 skips)
          --token TOKEN       access token sent as "Authorization: Bearer" on every request
                              (default: $PARTNER_TOKEN; without either, one minted with the
                              development key of build/run.sh, see --run-dir)
          --run-dir DIR       where build/run.sh keeps dev-signing-key.pem and dev-jwks.json
                              (default: the .run folder next to Reintegration.slnx, found by
                              walking up from the current directory)
          --dry-run           generate and print counts and sample events; no HTTP
          --help              this text

        Exit code: 0 when nothing was rejected, 1 when something was (or, with --dry-run, when an
        event breaks the catalogue), 2 on bad options or no access token, 3 when a service broke
        the contract (a refused token included) or could not be reached.
        """;

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c>; throws <see cref="FormatException"/> with a message for people.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value()
            {
                if (inlineValue is not null) return inlineValue;
                if (i + 1 >= args.Count) throw new FormatException($"{name} needs a value.");
                return args[++i];
            }

            options = name switch
            {
                "--intake" => options with { Intake = Url(name, Value()) },
                "--counselling" => options with { Counselling = Url(name, Value()) },
                "--training" => options with { Training = Url(name, Value()) },
                "--reporting" => options with { Reporting = Url(name, Value()) },
                "--returnees" => options with { Returnees = Number(name, Value(), 0) },
                "--seed" => options with { Seed = Number(name, Value(), 0) },
                "--batch-size" => options with { BatchSize = Number(name, Value(), 1, 500) },
                "--months" => options with { Months = Number(name, Value(), 1, 120) },
                "--start" => options with { Start = Day(name, Value()) },
                "--concurrency" => options with { Concurrency = Number(name, Value(), 1, 64) },
                "--poll-seconds" => options with { PollSeconds = Number(name, Value(), 0) },
                "--token" => options with { Token = NonEmpty(name, Value()) },
                "--run-dir" => options with { RunDirectory = NonEmpty(name, Value()) },
                "--dry-run" => options with { DryRun = true },
                "--help" or "-h" or "-?" => options with { Help = true },
                _ => throw new FormatException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    // A trailing slash keeps a path prefix when "events" and "indicators" are resolved against it.
    private static Uri Url(string name, string value) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"{name}: '{value}' is not an http(s) URL.");

    private static int Number(string name, string value, int min, int max = int.MaxValue) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException(max == int.MaxValue
                ? $"{name}: '{value}' is not a whole number, {min} or more."
                : $"{name}: '{value}' is not a whole number from {min} to {max}.");

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{name} needs a value.") : value.Trim();

    private static DateOnly Day(string name, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"{name}: '{value}' is not a YYYY-MM-DD date.");
}
