using System.Text;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.Intake.Duplicates;

/// <summary>
/// What two registrations of one person would share: the normalised name (case, accents, word
/// order and punctuation aside), the region and the birth year, as a keyed hash (a blind index):
/// comparable, never readable, and useless without the service's blind-index key.
/// </summary>
public static class NameKey
{
    /// <summary>The keys a registration matches on: the year before its birth year, its own (<see cref="Of(IBlindIndex, PersonalDetails, string, DateTimeOffset)"/>), the year after (a stated age is approximate).</summary>
    public static IReadOnlyList<string> Candidates(IBlindIndex index, PersonalDetails person, string region, DateTimeOffset registeredAt) =>
        [.. new[] { -1, 0, 1 }.Select(delta => Of(index, person, region, BirthYear(person, registeredAt) + delta))];

    public static string Of(IBlindIndex index, PersonalDetails person, string region, DateTimeOffset registeredAt) =>
        Of(index, person, region, BirthYear(person, registeredAt));

    private static string Of(IBlindIndex index, PersonalDetails person, string region, int year) =>
        index.Of($"possible-duplicate|{Normalise(person.GivenName + " " + person.FamilyName)}|{region}|{year}");

    public static int BirthYear(PersonalDetails person, DateTimeOffset registeredAt) =>
        person.DateOfBirth?.Year ?? registeredAt.Year - (person.StatedAge ?? 0);

    /// <summary>Lower case, accents dropped, letters only, words in order: "Traoré  Awa" and "awa TRAORE" are one name.</summary>
    public static string Normalise(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.ToLowerInvariant().Select(Unaccented).Append(' '))
        {
            if (char.IsLetter(c)) word.Append(c);
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return string.Join(' ', words.Order(StringComparer.Ordinal));
    }

    // The service runs with invariant globalization (no ICU normalisation): the accents of the
    // languages names here are written in, mapped by hand.
    private static char Unaccented(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
        'ç' => 'c',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ñ' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'ý' or 'ÿ' => 'y',
        _ => c,
    };
}
