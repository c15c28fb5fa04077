using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// The shape of the caseload: who comes back, from where, to where. Weights follow the programme
/// description (main regions Bamako, Kita, Kayes; returns mostly from Libya and Algeria).
/// </summary>
internal static class ReferenceData
{
    // 55 % Bamako, 20 % Kita, 15 % Kayes, the rest spread over a few other regions.
    public static readonly Weighted<string> Region = new(
        ("bamako", 550), ("kita", 200), ("kayes", 150), ("koulikoro", 30), ("sikasso", 20),
        ("segou", 20), ("nioro", 15), ("mopti", 15));

    public static readonly Weighted<string> Sex = new((Codes.Sex.Male, 70), (Codes.Sex.Female, 30));

    // Mostly Libya and Algeria; some from Niger and other neighbours of Mali (never Mali itself).
    public static readonly Weighted<string> ReturnedFrom = new(
        ("LY", 500), ("DZ", 320), ("NE", 80), ("MR", 40), ("BF", 20), ("CI", 20), ("GN", 10), ("SN", 10));

    public static readonly Weighted<string> ReturnType = new(
        (Codes.ReturnType.AssistedVoluntary, 75), (Codes.ReturnType.HumanitarianEvacuation, 12),
        (Codes.ReturnType.Spontaneous, 8), (Codes.ReturnType.Forced, 5));

    public static readonly Weighted<string> AwarenessKind = new(
        (Codes.AwarenessKind.CareCampaign, 20), (Codes.AwarenessKind.InformationSession, 30),
        (Codes.AwarenessKind.CommunityDialogue, 25), (Codes.AwarenessKind.RadioBroadcast, 10),
        (Codes.AwarenessKind.SchoolSession, 15));

    // Malian mobile numbers start with 6, 7, 8 or 9 after the +223 country code.
    public static readonly Weighted<char> MobilePrefix = new(('7', 55), ('6', 25), ('9', 15), ('8', 5));

    public static readonly Weighted<IReadOnlyList<string>> DataSharing = new(
        ([PartnerSources.UnAgency], 80),
        ([PartnerSources.UnAgency, PartnerSources.UnAgencyTraining], 10),
        ([], 10));

    public static readonly IReadOnlyList<string> MaleGivenNames =
    [
        "Moussa", "Mamadou", "Ibrahim", "Seydou", "Oumar", "Boubacar", "Adama", "Souleymane", "Bakary",
        "Modibo", "Drissa", "Lassana", "Sékou", "Yacouba", "Amadou", "Issa", "Cheick", "Abdoulaye",
        "Mahamadou", "Siaka", "Fousseyni", "Kalifa", "Hamidou", "Tiémoko",
    ];

    public static readonly IReadOnlyList<string> FemaleGivenNames =
    [
        "Aminata", "Fatoumata", "Mariam", "Kadiatou", "Awa", "Oumou", "Rokia", "Djénéba", "Assitan",
        "Hawa", "Salimata", "Kadidia", "Nana", "Aïssata", "Bintou", "Ramata", "Korotoumou", "Sali",
    ];

    public static readonly IReadOnlyList<string> FamilyNames =
    [
        "Traoré", "Diarra", "Coulibaly", "Keïta", "Konaté", "Sangaré", "Touré", "Cissé", "Dembélé",
        "Diallo", "Sidibé", "Koné", "Camara", "Doumbia", "Sissoko", "Kanté", "Maïga", "Togola",
        "Samaké", "Fofana", "Bagayoko", "Dicko", "Niaré", "Sacko",
    ];

    // A few communes per region; the catalogue leaves commune free text.
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Communes =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["bamako"] = ["Commune I", "Commune II", "Commune III", "Commune IV", "Commune V", "Commune VI"],
            ["kita"] = ["Kita", "Sébékoro", "Kokofata", "Toukoto"],
            ["kayes"] = ["Kayes", "Diamou", "Khouloum", "Ségala"],
            ["koulikoro"] = ["Koulikoro", "Kati", "Kalaban Coro"],
            ["sikasso"] = ["Sikasso", "Kadiolo"],
            ["segou"] = ["Ségou", "Markala"],
            ["nioro"] = ["Nioro", "Diéma"],
            ["mopti"] = ["Mopti", "Sévaré"],
        };

    /// <summary>Counsellors work in one region each; returnees mostly see the same one.</summary>
    public static IReadOnlyList<string> CounsellorsIn(string region) => region switch
    {
        "bamako" => Counsellors(1, 6),
        "kita" => Counsellors(7, 9),
        "kayes" => Counsellors(10, 12),
        _ => Counsellors(13, 14), // mobile team covering the other regions
    };

    private static string[] Counsellors(int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(n => $"counsellor-{n:D2}")];
}
