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
    public static IReadOnlyList<string> Candidates(IBlindIndex index, PersonalDetails person, string region, DateTimeOffset registeredAt)
    {
        var name = NameOf(person);
        var year = BirthYear(person, registeredAt);
        return [Key(index, name, region, year - 1), Key(index, name, region, year), Key(index, name, region, year + 1)];
    }

    public static string Of(IBlindIndex index, PersonalDetails person, string region, DateTimeOffset registeredAt) =>
        Key(index, NameOf(person), region, BirthYear(person, registeredAt));

    private static string NameOf(PersonalDetails person) => Normalise(person.GivenName + " " + person.FamilyName);

    private static string Key(IBlindIndex index, string normalisedName, string region, int year) =>
        index.Of($"possible-duplicate|{normalisedName}|{region}|{year}");

    public static int BirthYear(PersonalDetails person, DateTimeOffset registeredAt) =>
        person.DateOfBirth?.Year ?? registeredAt.Year - (person.StatedAge ?? 0);

    /// <summary>Lower case, accents dropped, letters only, words in order: "Traoré  Awa" and "awa TRAORE" are one name.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var word = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var letter = Unaccented(char.ToLowerInvariant(c));
            if (char.IsLetter(letter)) word.Append(letter);
            else EndWord();
        }

        EndWord();
        words.Sort(StringComparer.Ordinal);
        return string.Join(' ', words);

        void EndWord()
        {
            if (word.Length == 0) return;
            words.Add(word.ToString());
            word.Clear();
        }
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
