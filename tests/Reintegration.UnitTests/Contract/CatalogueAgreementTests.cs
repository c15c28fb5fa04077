using System.Text.RegularExpressions;
using Reintegration.Counselling.Assessments;
using Reintegration.Counselling.GroupSessions;
using Reintegration.Counselling.Referrals;
using Reintegration.Counselling.Sessions;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Plans;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Surveys;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Reference;
using Reintegration.Training.Awareness;
using Reintegration.Training.Certification;
using Reintegration.Training.Trainings;
using Reintegration.Training.Workshops;
using Xunit;

namespace Reintegration.UnitTests.Contract;

/// <summary>
/// The codes the services accept are exactly the ones the published catalogue
/// (docs/catalogue.md) lists: partners build against that page, so the code may not drift from it.
/// </summary>
public sealed partial class CatalogueAgreementTests
{
    private static readonly string Catalogue = File.ReadAllText(FindCatalogue());

    [Fact]
    public void Regions_are_the_catalogues() => Assert.Equal(CodesOn("- **region**", "- **sex**"), Sorted(Codes.Regions));

    [Fact]
    public void Sexes_are_the_catalogues() => Assert.Equal(CodesOn("- **sex**", "\n"), Sorted(Codes.Sexes));

    [Fact]
    public void Return_types_are_the_catalogues() => Assert.Equal(CodesOn("`returnType`", "`consent`"), Sorted(RegistrationRules.ReturnTypes));

    [Fact]
    public void Vulnerabilities_plan_dimensions_and_closure_reasons_are_the_catalogues()
    {
        Assert.Equal(CodesOn("`vulnerabilities`: list of", "`urgentCareNeeded`"), Sorted(ScreeningRules.Vulnerabilities));
        Assert.Equal(CodesOn("`dimension`:", "`description`"), Sorted(PlanRules.Dimensions));
        Assert.Equal(CodesOn("case-closed.v1`** — `reason`:", "Activity dated"), Sorted(ClosureRules.Reasons));
    }

    [Fact]
    public void Session_formats_modalities_and_interventions_are_the_catalogues()
    {
        Assert.Equal(CodesOn("`format`:", "`modality`"), Sorted(SessionRules.Formats));
        Assert.Equal(CodesOn("`modality`:", "`intervention`"), Sorted(SessionRules.Modalities));
        Assert.Equal(CodesOn("`intervention`:", "`durationMinutes`"), Sorted(SessionRules.Interventions));
    }

    [Fact]
    public void Instruments_referral_services_urgencies_and_outcomes_are_the_catalogues()
    {
        Assert.Equal(CodesOn("`instrument`, `responses`", "A PHQ-9 with item 9").Where(c => Catalogue.Contains($"| `{c}` | ")).ToList(), Sorted(Instruments.Codes));
        Assert.Equal(CodesOn("referral-made.v1`** — subject: returnee. `referralId` (UUID),\n`service`:", "`urgency`"), Sorted(ReferralMadeRules.Services));
        Assert.Equal(CodesOn("`urgency`:", "`provider`"), Sorted(ReferralMadeRules.Urgencies));
        Assert.Equal(CodesOn("earlier for that returnee), `outcome`:", "### Training"), Sorted(ReferralClosedRules.Outcomes));
    }

    [Theory]
    [InlineData("who-5", 5, 0, 5)]
    [InlineData("phq-9", 9, 0, 3)]
    [InlineData("gad-7", 7, 0, 3)]
    [InlineData("k10", 10, 1, 5)]
    public void Each_instrument_has_the_catalogues_items_and_range(string code, int items, int min, int max)
    {
        Assert.Contains($"| `{code}` | {items} | {min}–{max} |", Catalogue);
        var instrument = Instruments.ByCode[code];
        Assert.Equal((items, min, max), (instrument.Items, instrument.Min, instrument.Max));
    }

    [Fact]
    public void Awareness_event_kinds_are_the_catalogues() =>
        Assert.Equal(CodesOn("awareness-event-held.v1`** — subject: the event's UUID. `kind`:", "`region`"), Sorted(AwarenessEventRules.Kinds));

    [Fact]
    public void Courses_roles_and_workshop_kinds_are_the_catalogues()
    {
        Assert.Equal(CodesOn("training-delivered.v1`** — subject: the training's UUID. `course`:", "`startDate`"), Sorted(TrainingRules.Courses));
        Assert.Equal(CodesOn("`role`:", "`organisation`"), Sorted(TrainingRules.Roles));
        Assert.Equal(CodesOn("workshop-held.v1`** — subject: the workshop's UUID. `kind`:", "`region`"), Sorted(WorkshopRules.Kinds));
    }

    [Fact]
    public void The_known_event_types_are_the_catalogues() =>
        Assert.Equal(Sorted(TypeHeading().Matches(Catalogue).Select(m => m.Groups[1].Value)), Sorted(CatalogueEventTypes.All));

    [Theory]
    [InlineData(typeof(RegisterReturnee), "intake")]
    [InlineData(typeof(UpdateConsent), "intake")]
    [InlineData(typeof(ScreenVulnerability), "intake")]
    [InlineData(typeof(AgreePlan), "intake")]
    [InlineData(typeof(RecordSurvey), "intake")]
    [InlineData(typeof(CloseCase), "intake")]
    [InlineData(typeof(ReopenCase), "intake")]
    [InlineData(typeof(RecordSession), "counselling")]
    [InlineData(typeof(RecordGroupSession), "counselling")]
    [InlineData(typeof(RecordAssessment), "counselling")]
    [InlineData(typeof(MakeReferral), "counselling")]
    [InlineData(typeof(CloseReferral), "counselling")]
    [InlineData(typeof(RecordAwarenessEvent), "training")]
    [InlineData(typeof(RecordTraining), "training")]
    [InlineData(typeof(CertifyWorker), "training")]
    [InlineData(typeof(RecordWorkshop), "training")]
    public void Each_handled_type_is_in_the_catalogue_and_owned_by_its_service(Type handlerType, string service)
    {
        // Uninitialised: a handler names its type as a constant, whatever it is constructed with.
        var handler = (ICloudEventHandler)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(handlerType);
        Assert.Contains($"**`{handler.EventType}`**", Catalogue);
        Assert.Equal(service, ServiceIdentity.OwnerOf(handler.EventType)?.Name);
    }

    /// <summary>The backticked lowercase codes between two markers, the first marker included in the search.</summary>
    private static IReadOnlyList<string> CodesOn(string start, string end)
    {
        var from = Catalogue.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"the catalogue no longer has '{start}'");
        from += start.Length;
        var to = Catalogue.IndexOf(end, from, StringComparison.Ordinal);
        return Sorted(Code().Matches(Catalogue[from..to]).Select(m => m.Groups[1].Value));
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> codes) => codes.Distinct().Order(StringComparer.Ordinal).ToList();

    private static string FindCatalogue()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "catalogue.md");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("docs/catalogue.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\*\*`(reintegration\.[a-z.-]+\.v1)`\*\*")]
    private static partial Regex TypeHeading();

    [GeneratedRegex("`([a-z0-9]+(?:-[a-z0-9]+)*)`")]
    private static partial Regex Code();
}
