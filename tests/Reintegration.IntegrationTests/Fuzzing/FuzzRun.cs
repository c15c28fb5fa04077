using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit.Abstractions;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// How many cases a property runs, and what a failure prints. The normal test run
/// (<c>build/test.sh</c>) runs each property's bounded number of cases; <c>build/fuzz.sh</c> sets
/// <c>FUZZ_CASES</c> to run many more. CsCheck's own <c>CsCheck_Iter</c> works too, and
/// <c>CsCheck_Seed</c> replays a failure: CsCheck prints the seed of the smallest failing case,
/// and the failure message says the command that replays it.
/// </summary>
public static partial class FuzzRun
{
    public const string CasesVariable = "FUZZ_CASES";

    /// <summary>
    /// <c>FUZZ_CASES</c>, else <c>CsCheck_Iter</c>, else the property's bounded number; a property
    /// whose case is a whole programme runs <paramref name="per"/> times fewer than asked (at least its bounded number).
    /// </summary>
    public static int Cases(int bounded, int per = 1)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cases) && cases > 0)
            return Math.Max(bounded, cases / per);
        return Environment.GetEnvironmentVariable("CsCheck_Iter") is not null ? Math.Max(bounded, (int)Check.Iter / per) : bounded;
    }

    /// <summary>
    /// Samples <paramref name="gen"/> on one thread (the cases share the services' state and the
    /// machine), asserting <paramref name="property"/> on each case; a failure says how to replay it.
    /// </summary>
    public static async Task CheckAsync<T>(
        Gen<T> gen, Func<T, Task> property, int bounded, string test, ITestOutputHelper output, Func<T, string> print, int per = 1, Outcomes? outcomes = null)
    {
        var cases = Cases(bounded, per);
        try
        {
            await gen.SampleAsync(property, writeLine: output.WriteLine, iter: cases, threads: 1, print: print);
            if (outcomes is not null) output.WriteLine($"Answers (per event, or per request where the request was refused whole):\n{outcomes}");
        }
        catch (CsCheckException ex)
        {
            var seed = Seed().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : "<the seed above>";
            throw new FuzzFailure(
                $"{test} failed after up to {cases} cases. Replay the smallest failing case with:\n" +
                $"  CsCheck_Seed={seed} build/fuzz.sh {test}\n{ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"CsCheck_Seed=""?([0-9A-Za-z_\-]+)")]
    private static partial Regex Seed();
}

/// <summary>A property failed: the message says which case and how to replay it.</summary>
public sealed class FuzzFailure(string message, Exception inner) : Exception(message, inner);
