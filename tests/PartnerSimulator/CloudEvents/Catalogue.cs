namespace Reintegration.PartnerSimulator.CloudEvents;

// Names and codes copied from the partner contract (CATALOGUE.md). They are the wire format the
// partners build against, so they live here as literals, never borrowed from the services' code.

/// <summary>The CloudEvents <c>type</c> values the simulator sends.</summary>
public static class EventTypes
{
    public const string ReturneeRegistered = "reintegration.intake.returnee-registered.v1";
    public const string ConsentUpdated = "reintegration.intake.consent-updated.v1";
    public const string VulnerabilityScreened = "reintegration.intake.vulnerability-screened.v1";
    public const string PlanAgreed = "reintegration.intake.reintegration-plan-agreed.v1";
    public const string SurveyRecorded = "reintegration.intake.sustainability-survey-recorded.v1";
    public const string CaseClosed = "reintegration.intake.case-closed.v1";
    public const string CaseReopened = "reintegration.intake.case-reopened.v1";

    public const string SessionHeld = "reintegration.counselling.session-held.v1";
    public const string GroupSessionHeld = "reintegration.counselling.group-session-held.v1";
    public const string AssessmentRecorded = "reintegration.counselling.assessment-recorded.v1";
    public const string ReferralMade = "reintegration.counselling.referral-made.v1";
    public const string ReferralClosed = "reintegration.counselling.referral-closed.v1";

    public const string TrainingDelivered = "reintegration.training.training-delivered.v1";
    public const string WorkerCertified = "reintegration.training.worker-certified.v1";
    public const string AwarenessEventHeld = "reintegration.training.awareness-event-held.v1";
    public const string WorkshopHeld = "reintegration.training.workshop-held.v1";

    /// <summary>All sixteen, in the catalogue's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ReturneeRegistered, ConsentUpdated, VulnerabilityScreened, PlanAgreed, SurveyRecorded, CaseClosed, CaseReopened,
        SessionHeld, GroupSessionHeld, AssessmentRecorded, ReferralMade, ReferralClosed,
        TrainingDelivered, WorkerCertified, AwarenessEventHeld, WorkshopHeld,
    ];

    /// <summary>The service that owns a type, from its prefix (catalogue: "Where to post").</summary>
    public static PartnerService ServiceOf(string type) =>
        type.StartsWith("reintegration.intake.", StringComparison.Ordinal) ? PartnerService.Intake
        : type.StartsWith("reintegration.counselling.", StringComparison.Ordinal) ? PartnerService.Counselling
        : type.StartsWith("reintegration.training.", StringComparison.Ordinal) ? PartnerService.Training
        : throw new ArgumentException($"'{type}' is not a catalogue type.", nameof(type));
}

/// <summary>The partner systems the simulator plays (CloudEvents <c>source</c>).</summary>
public static class PartnerSources
{
    /// <summary>The NGO's field app: registers returnees, follows their case and records all counselling.</summary>
    public const string NgoFieldApp = "urn:partner:ngo-field-app";

    /// <summary>The UN agency's training system: trainings, certifications, awareness events and workshops.</summary>
    public const string UnAgencyTraining = "urn:partner:un-agency-training";

    /// <summary>A partner a returnee may allow to see identifying data (consent.dataSharing).</summary>
    public const string UnAgency = "urn:partner:un-agency";

    /// <summary>
    /// Every source the simulator posts events as: the generator uses no other (the catalogue
    /// check says so), and a token for the simulator must speak for all of them (its
    /// <c>sources</c> claim), or the services refuse the events as another partner's.
    /// </summary>
    public static IReadOnlyList<string> Posting { get; } = [NgoFieldApp, UnAgencyTraining];
}

/// <summary>Reference codes, exactly as the catalogue lists them.</summary>
public static class Codes
{
    public static class Sex
    {
        public const string Female = "female";
        public const string Male = "male";
    }

    public static class AgeGroup
    {
        public const string Minor = "0-17";
        public const string Youth = "18-24";
        public const string Adult = "25-59";
        public const string Older = "60+";

        /// <summary>The catalogue's age groups, derived from the age at arrival.</summary>
        public static string FromAge(int ageAtArrival) => ageAtArrival switch
        {
            < 18 => Minor,
            < 25 => Youth,
            < 60 => Adult,
            _ => Older,
        };
    }

    public static class ReturnType
    {
        public const string AssistedVoluntary = "assisted-voluntary";
        public const string HumanitarianEvacuation = "humanitarian-evacuation";
        public const string Spontaneous = "spontaneous";
        public const string Forced = "forced";
    }

    public static class SessionFormat
    {
        public const string Individual = "individual";
        public const string Family = "family";
    }

    public static class Modality
    {
        public const string InPerson = "in-person";
        public const string Phone = "phone";
        public const string Video = "video";
    }

    public static class Intervention
    {
        public const string PsychologicalFirstAid = "psychological-first-aid";
        public const string BasicCounselling = "basic-counselling";
        public const string StructuredPsychologicalIntervention = "structured-psychological-intervention";
        public const string FollowUp = "follow-up";
        public const string SpecialisedCare = "specialised-care";
    }

    public static class AwarenessKind
    {
        public const string CareCampaign = "care-campaign";
        public const string InformationSession = "information-session";
        public const string CommunityDialogue = "community-dialogue";
        public const string RadioBroadcast = "radio-broadcast";
        public const string SchoolSession = "school-session";
    }

    public static class Vulnerability
    {
        public const string UnaccompaniedMinor = "unaccompanied-minor";
        public const string SurvivorOfTrafficking = "survivor-of-trafficking";
        public const string SurvivorOfViolence = "survivor-of-violence";
        public const string DetentionExperience = "detention-experience";
        public const string SeriousMedicalCondition = "serious-medical-condition";
        public const string Disability = "disability";
        public const string MentalHealthConcern = "mental-health-concern";
        public const string SingleParent = "single-parent";
        public const string OlderPerson = "older-person";
        public const string PregnantOrLactating = "pregnant-or-lactating";

        public static readonly IReadOnlyList<string> All =
        [
            UnaccompaniedMinor, SurvivorOfTrafficking, SurvivorOfViolence, DetentionExperience, SeriousMedicalCondition,
            Disability, MentalHealthConcern, SingleParent, OlderPerson, PregnantOrLactating,
        ];
    }

    public static class GoalDimension
    {
        public const string Economic = "economic";
        public const string Social = "social";
        public const string Psychosocial = "psychosocial";
    }

    public static class ClosureReason
    {
        public const string SupportCompleted = "support-completed";
        public const string NoLongerEligible = "no-longer-eligible";
        public const string ReturneeChoice = "returnee-choice";
        public const string LeftArea = "left-area";
        public const string Deceased = "deceased";
        public const string LostToFollowUp = "lost-to-follow-up";
    }

    public static class Instrument
    {
        public const string Who5 = "who-5";
        public const string Phq9 = "phq-9";
        public const string Gad7 = "gad-7";
        public const string K10 = "k10";
    }

    public static class ReferralService
    {
        public const string SpecialisedMentalHealth = "specialised-mental-health";
        public const string Medical = "medical";
        public const string Legal = "legal";
        public const string EconomicReintegration = "economic-reintegration";
        public const string Education = "education";
        public const string Shelter = "shelter";
        public const string FamilyTracing = "family-tracing";
    }

    public static class Urgency
    {
        public const string Routine = "routine";
        public const string Urgent = "urgent";
        public const string Emergency = "emergency";
    }

    public static class ReferralOutcome
    {
        public const string ServiceReceived = "service-received";
        public const string Declined = "declined";
        public const string NotReached = "not-reached";
        public const string Cancelled = "cancelled";

        /// <summary>Not a code partners send: the <c>referrals</c> breakdown's key for a referral not closed.</summary>
        public const string Open = "open";
    }

    public static class Course
    {
        public const string PsychologicalFirstAid = "psychological-first-aid";
        public const string MhpssFoundations = "mhpss-foundations";
        public const string PsychosocialCounselling = "psychosocial-counselling";
        public const string CaseManagement = "case-management";
        public const string Mhgap = "mhgap";
        public const string StaffCare = "staff-care";

        public static readonly IReadOnlyList<string> All =
            [PsychologicalFirstAid, MhpssFoundations, PsychosocialCounselling, CaseManagement, Mhgap, StaffCare];
    }

    public static class WorkerRole
    {
        public const string SocialWorker = "social-worker";
        public const string HealthWorker = "health-worker";
        public const string CommunityVolunteer = "community-volunteer";
        public const string Teacher = "teacher";
        public const string PublicOfficial = "public-official";
    }

    public static class WorkshopKind
    {
        public const string ArtTherapy = "art-therapy";
        public const string PeerSupport = "peer-support";
        public const string LivelihoodSkills = "livelihood-skills";
        public const string TechnicalInnovation = "technical-innovation";
        public const string CulturalActivity = "cultural-activity";
    }

    /// <summary>Mali's regions (2023 boundaries).</summary>
    public static readonly IReadOnlyList<string> Regions =
    [
        "bamako", "kayes", "kita", "nioro", "koulikoro", "dioila", "nara", "sikasso", "bougouni",
        "koutiala", "segou", "san", "mopti", "douentza", "bandiagara", "tombouctou", "taoudenit",
        "gao", "menaka", "kidal",
    ];
}
