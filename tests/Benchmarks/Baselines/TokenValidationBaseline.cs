using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.Benchmarks.Baselines;

/// <summary>
/// What validating the run's access token costs, with exactly the services' configuration
/// (<see cref="TokenValidation"/> over the same JWKS file, issuer and audience), one call after
/// another on one thread. The services have no switch to turn authentication off (and must not
/// get one), so the cost cannot be measured as "with minus without" over HTTP; it is measured
/// here and set against the request rates of the phases that ran with it.
/// <para>
/// Two figures: the token handler alone (<c>JsonWebTokenHandler.ValidateTokenAsync</c>: parse,
/// RS256 signature, issuer, audience, lifetime) and the whole authentication step as the
/// services' middleware runs it (<c>HttpContext.AuthenticateAsync</c> through the JwtBearer
/// handler, in a request scope of its own: header, a copy of the parameters, validation, the
/// catalogue's shape check, the principal). The same token string every call, as a caller's batches bring it: the signature
/// provider is cached, as in the services, but nothing caches a validation; a plain RSA verify
/// of the token's signature is measured too, and a validation cheaper than it would fail the phase.
/// </para>
/// </summary>
public static class TokenValidationBaseline
{
    private const int Rounds = 10;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <param name="Validations">Measured calls of each kind (after a warm-up of one round, and of at least 2 s).</param>
    /// <param name="HandlerCpuUs">Token handler alone: CPU µs per call, median round (rounds of the three kinds take turns).</param>
    /// <param name="HandlerWallUs">Token handler alone: wall-clock µs per call, median round.</param>
    /// <param name="AuthenticateCpuUs">Whole authentication step: CPU µs per call.</param>
    /// <param name="AuthenticateWallUs">Whole authentication step: wall-clock µs per call, median round.</param>
    /// <param name="RsaVerifyCpuUs">One RS256 signature verification alone: CPU µs.</param>
    public sealed record Result(
        int Validations, int TokenBytes, double HandlerCpuUs, double HandlerWallUs, double AuthenticateCpuUs, double AuthenticateWallUs,
        double RsaVerifyCpuUs)
    {
        /// <summary>The figure the shares are computed with: the whole step, in CPU time (a core's time, not time spent waiting for one).</summary>
        public double CostUs => AuthenticateCpuUs;

        public double PerSecond => 1e6 / CostUs;
    }

    public static async Task<Result> RunAsync(string jwksFile, string issuer, string audience, string token, int validations, CancellationToken cancellationToken)
    {
        var auth = new AuthOptions { Issuer = issuer, Audience = audience, SigningKeysFile = jwksFile };

        // The token handler with the services' parameters, as the brief of the check asks.
        var options = new JwtBearerOptions();
        new TokenValidation(Options.Create(auth)).Configure(JwtBearerDefaults.AuthenticationScheme, options);
        var handler = options.TokenHandlers[0];
        var parameters = options.TokenValidationParameters;

        // The whole step: the same registrations as AccessExtensions.AddAccessControl.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOptions<AuthOptions>>(Options.Create(auth));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, TokenValidation>();
        await using var provider = services.BuildServiceProvider();
        var header = "Bearer " + token;

        async Task Validate()
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (!result.IsValid) throw new BenchmarkFailure($"The services' token validation refused the benchmark's token: {result.Exception?.Message}");
        }

        // A scope per request, as ASP.NET Core gives each: the handler provider is scoped, and a
        // handler remembers its result, so one from the root would answer every call from the first.
        async Task<AuthenticateResult> AuthenticateWith(string authorization)
        {
            await using var scope = provider.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Headers.Authorization = authorization;
            return await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        }

        async Task Authenticate()
        {
            var result = await AuthenticateWith(header);
            if (!result.Succeeded) throw new BenchmarkFailure($"The services' authentication refused the benchmark's token: {result.Failure?.Message}");
        }

        // Honest validation: a token with another signature must be refused by both, also right
        // after the genuine one was accepted (nothing may answer from a remembered result).
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        await Validate();
        await Authenticate();
        if ((await handler.ValidateTokenAsync(forged, parameters)).IsValid || (await AuthenticateWith("Bearer " + forged)).Succeeded)
            throw new BenchmarkFailure("The services' token validation accepted a token with a forged signature.");

        var verify = RsaVerifier(jwksFile, token);
        Task Verify() => verify() ? Task.CompletedTask : throw new BenchmarkFailure("The benchmark's token signature did not verify with the JWKS key.");
        Func<Task>[] kinds = [Validate, Authenticate, Verify];

        // Warm-up, then rounds that take turns, so that the machine's ups and downs hit all three alike.
        var perRound = Math.Max(1, validations / Rounds);
        foreach (var call in kinds) await WarmUpAsync(call, perRound);
        var cpu = kinds.Select(_ => new List<double>()).ToArray();
        var wall = kinds.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (cpuUs, wallUs) = await RoundAsync(kinds[k], perRound);
                cpu[k].Add(cpuUs);
                wall[k].Add(wallUs);
            }
        }

        var (handlerCpu, authenticateCpu, rsaCpu) = (Median(cpu[0]), Median(cpu[1]), Median(cpu[2]));
        var (handlerWall, authenticateWall) = (Median(wall[0]), Median(wall[1]));

        // A validation that costs less than the signature check it must contain has been cached away.
        foreach (var (what, us) in new[] { ("token handler", handlerCpu), ("authentication step", authenticateCpu) })
            if (us < 0.8 * rsaCpu)
                throw new BenchmarkFailure($"The {what} took {us:0.0} µs of CPU per call, less than one RS256 verification ({rsaCpu:0.0} µs): something remembers validations, so the figure is not the services' cost.");

        return new Result(perRound * Rounds, Encoding.ASCII.GetByteCount(token), handlerCpu, handlerWall, authenticateCpu, authenticateWall, rsaCpu);
    }

    /// <summary>
    /// One round's worth of calls, and at least <see cref="WarmUp"/>: the JIT's background
    /// recompilation of hot code must be over before anything is timed.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls || Stopwatch.GetElapsedTime(started) < WarmUp; i++) await call();
    }

    /// <summary>
    /// CPU and wall-clock µs per call over one round. CPU is the measuring thread's own (garbage
    /// collections it triggers included, other threads' work not), so a core taken away by someone
    /// else's build does not count; the process's when the round changed threads or off Linux.
    /// </summary>
    private static async Task<(double CpuUs, double WallUs)> RoundAsync(Func<Task> call, int calls)
    {
        var thread = Environment.CurrentManagedThreadId;
        var threadBefore = ThreadCpu.Now();
        var processBefore = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++) await call();
        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = thread == Environment.CurrentManagedThreadId && threadBefore is { } b && ThreadCpu.Now() is { } a
            ? a - b
            : Environment.CpuUsage.TotalTime - processBefore;
        return (cpu.TotalMicroseconds / calls, wall.TotalMicroseconds / calls);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), or null elsewhere.</summary>
    internal static class ThreadCpu
    {
        private const int ClockThreadCpuTime = 3;

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        public static TimeSpan? Now() =>
            OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0
                ? TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100)
                : null;
    }

    /// <summary>One RS256 verification of the token's signature with the JWKS key, nothing else.</summary>
    private static Func<bool> RsaVerifier(string jwksFile, string token)
    {
        var key = (JsonWebKey)new JsonWebKeySet(File.ReadAllText(jwksFile)).Keys[0];
        var rsa = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(key.N), Exponent = Base64UrlEncoder.DecodeBytes(key.E) });
        var jwt = new JsonWebToken(token);
        var signed = Encoding.ASCII.GetBytes($"{jwt.EncodedHeader}.{jwt.EncodedPayload}");
        var signature = Base64UrlEncoder.DecodeBytes(jwt.EncodedSignature);
        return () => rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
