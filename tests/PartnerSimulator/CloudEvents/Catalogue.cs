namespace Reintegration.PartnerSimulator.CloudEvents;

// Names and codes copied from the partner contract (CATALOGUE.md). They are the wire format the
// partners build against, so they live here as literals, never borrowed from the services' code.

/// <summary>The CloudEvents <c>type</c> values the simulator sends.</summary>
public static class EventTypes
{
    public const string ReturneeRegistered = "reintegration.intake.returnee-registered.v1";
    public const string SessionHeld = "reintegration.counselling.session-held.v1";
    public const string AwarenessEventHeld = "reintegration.training.awareness-event-held.v1";
}

/// <summary>The partner systems the simulator plays (CloudEvents <c>source</c>).</summary>
public static class PartnerSources
{
    /// <summary>The NGO's field app: registers returnees and records counselling sessions.</summary>
    public const string NgoFieldApp = "urn:partner:ngo-field-app";

    /// <summary>The UN agency's training system: awareness events.</summary>
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

    /// <summary>Mali's regions (2023 boundaries).</summary>
    public static readonly IReadOnlyList<string> Regions =
    [
        "bamako", "kayes", "kita", "nioro", "koulikoro", "dioila", "nara", "sikasso", "bougouni",
        "koutiala", "segou", "san", "mopti", "douentza", "bandiagara", "tombouctou", "taoudenit",
        "gao", "menaka", "kidal",
    ];
}
