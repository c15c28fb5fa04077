namespace Reintegration.ServiceDefaults.Privacy;

/// <summary>
/// One returnee's data key (AES-256), in the key store: everything identifying about them is
/// sealed under it. Erasure replaces it with a tombstone (<see cref="Key"/> null): from then on
/// nothing sealed under it can be read, in this database, its WAL or any backup.
/// </summary>
public sealed record PersonalDataKey(Guid Id, byte[]? Key, DateTimeOffset? ErasedAt = null);

/// <summary>Marks a domain event that erases its returnee's personal data: the pipeline deletes the key in the same commit.</summary>
public interface IErasesPersonalData
{
    Guid ReturneeId { get; }
}

/// <summary>Marks a domain event whose subject's identifying data is sealed: the pipeline stores the subject's key with it.</summary>
public interface IHoldsPersonalData
{
    Guid ReturneeId { get; }
}
