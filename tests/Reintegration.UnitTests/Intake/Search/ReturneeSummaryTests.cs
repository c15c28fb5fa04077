using Reintegration.Intake.Registration;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Search;

namespace Reintegration.UnitTests.Intake.Search;

/// <summary>What desk search knows of a returnee, as the summary writer evolves it.</summary>
public sealed class ReturneeSummaryTests
{
    private static readonly Guid Returnee = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly ReturneeSummary Registered =
        new(Returnee, "female", "18-24", "kita", "LY", new DateOnly(2026, 2, 1), "assisted-voluntary", At);

    private static VulnerabilityScreened Screened(DateTimeOffset time, params string[] codes) => new(Returnee, time, "urn:partner:test", codes, false);

    [Fact]
    public void Given_no_summary_when_anything_but_a_registration_arrives_then_there_is_still_none()
    {
        Assert.Null(ReturneeSummaryWriter.Evolve(null, Returnee, Screened(At, "medical")));
    }

    [Fact]
    public void Given_a_screening_when_an_older_one_arrives_late_then_the_newer_stays_current()
    {
        var screened = ReturneeSummaryWriter.Evolve(Registered, Returnee, Screened(At.AddDays(2), "medical"));

        var late = ReturneeSummaryWriter.Evolve(screened, Returnee, Screened(At.AddDays(1), "psychosocial"));

        Assert.Equal(["medical"], late!.Vulnerabilities);
        Assert.Equal(At.AddDays(2), late.ScreenedAt);
    }

    [Fact]
    public void Given_a_screening_when_a_newer_one_arrives_then_it_replaces_it()
    {
        var screened = ReturneeSummaryWriter.Evolve(Registered, Returnee, Screened(At.AddDays(1), "medical"));

        var newer = ReturneeSummaryWriter.Evolve(screened, Returnee, Screened(At.AddDays(2), "psychosocial"));

        Assert.Equal(["psychosocial"], newer!.Vulnerabilities);
    }

    [Fact]
    public void Given_an_open_case_when_closed_then_reopened_then_erased_then_the_summary_follows_each()
    {
        var closed = ReturneeSummaryWriter.Evolve(Registered, Returnee, new CaseClosed(Returnee, At.AddDays(1), "urn:partner:test", "moved-away"));
        Assert.Equal(CaseView.Closed, closed!.Status);

        var reopened = ReturneeSummaryWriter.Evolve(closed, Returnee, new CaseReopened(Returnee, At.AddDays(2), "urn:partner:test", "returned"));
        Assert.Equal(CaseView.Open, reopened!.Status);

        var erased = ReturneeSummaryWriter.Evolve(reopened, Returnee, new ReturneeErased(Returnee, At.AddDays(3)));
        Assert.True(erased!.Erased);
        Assert.Equal(Registered.Region, erased.Region);
    }
}
