using Reintegration.Counselling.Clients;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Counselling.Sessions;

namespace Reintegration.UnitTests.Counselling;

public sealed class RecordingASessionTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    [Fact]
    public void Session_is_recorded_before_the_registration_is_known() =>
        Handler.Given()
            .When(Session(_returnee, ValidData()))
            .Then(Held(_returnee, Envelopes.At));

    [Fact]
    public void Session_is_recorded_when_the_returnee_consented_to_counselling() =>
        Handler.Given(Learned(_returnee, new RegistrationNoted(_returnee, Envelopes.At.AddDays(-20), CounsellingConsent: true)))
            .When(Session(_returnee, ValidData()))
            .Then(Held(_returnee, Envelopes.At));

    [Fact]
    public void Another_session_after_earlier_ones_is_recorded_too() =>
        Handler.Given(
                Learned(_returnee, new RegistrationNoted(_returnee, Envelopes.At.AddDays(-20), CounsellingConsent: true)),
                Held(_returnee, Envelopes.At.AddDays(-7)))
            .When(Session(_returnee, ValidData()))
            .Then(Held(_returnee, Envelopes.At));

    [Fact]
    public void Session_is_refused_once_counselling_consent_is_known_to_be_refused() =>
        Handler.Given(Learned(_returnee, new RegistrationNoted(_returnee, Envelopes.At.AddDays(-20), CounsellingConsent: false)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Session_is_refused_when_the_refusal_arrived_after_sessions_synced_earlier() =>
        Handler.Given(
                Held(_returnee, Envelopes.At.AddDays(-7)),
                Learned(_returnee, new RegistrationNoted(_returnee, Envelopes.At.AddDays(-20), CounsellingConsent: false)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);
}
