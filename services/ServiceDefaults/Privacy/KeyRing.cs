namespace Reintegration.ServiceDefaults.Privacy;

/// <summary>
/// The data keys of a batch's subjects, as loaded from the key store, plus those made for
/// returnees seen for the first time. A service that holds no personal data has an empty ring
/// that seals nothing (<see cref="Protects"/> false).
/// </summary>
public sealed class KeyRing(IReadOnlyDictionary<Guid, PersonalDataKey> stored, bool protects)
{
    public static readonly KeyRing None = new(new Dictionary<Guid, PersonalDataKey>(), protects: false);

    private readonly Dictionary<Guid, PersonalDataKey> _made = new();
    private readonly HashSet<Guid> _erased = [];

    public bool Protects => protects;

    /// <summary>True when the returnee's data was erased (before this batch, or by an earlier event of it).</summary>
    public bool IsErased(Guid returnee) => _erased.Contains(returnee) || stored.GetValueOrDefault(returnee) is { Key: null };

    /// <summary>The returnee's key (a new one the first time); null once erased.</summary>
    public byte[]? For(Guid returnee)
    {
        if (IsErased(returnee)) return null;
        if (stored.GetValueOrDefault(returnee)?.Key is { } key) return key;
        if (!_made.TryGetValue(returnee, out var made)) _made[returnee] = made = new PersonalDataKey(returnee, Seal.NewKey());
        return made.Key;
    }

    public void Erase(Guid returnee) => _erased.Add(returnee);

    /// <summary>Keys made in this batch, to store with the events sealed under them.</summary>
    public IEnumerable<PersonalDataKey> Made(IReadOnlySet<Guid> used) => _made.Values.Where(k => used.Contains(k.Id) && !_erased.Contains(k.Id));

    /// <summary>
    /// What an ingestion record keeps of an event's content: its hash, keyed with the subject's key
    /// where the service holds personal data, so that once the key is gone the record cannot be
    /// used to confirm a guess of what the event said.
    /// </summary>
    public string Fingerprint(Guid subject, string contentHash) =>
        !protects ? contentHash : For(subject) is { } key ? Seal.KeyedHash(key, contentHash) : ErasedFingerprint;

    /// <summary>The fingerprint of anything about an erased returnee: all their events look alike.</summary>
    public const string ErasedFingerprint = "erased";
}
