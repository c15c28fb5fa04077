using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reintegration.ServiceDefaults.Privacy;

/// <summary>
/// Present in a service that holds identifying data (Intake): the ingestion pipeline then loads
/// its subjects' keys with every batch, seals with them, stores new keys in the same commit and
/// turns erasure events into key tombstones. Also keeps the service's blind-index key, which
/// makes lookups of identifying values (a partner reference, a name for possible duplicates)
/// keyed hashes instead of plain text or plain SHA-256.
/// </summary>
public sealed class PersonalDataProtection(IDocumentStore store, IEnumerable<ErasureStep> erasureSteps) : IHostedService, IBlindIndex, IDisposable
{
    /// <summary>What else goes when a returnee is erased, in the same commit (a service's own records keyed to them).</summary>
    public IReadOnlyList<ErasureStep> ErasureSteps { get; } = erasureSteps.ToList();

    /// <summary>
    /// The key store row of the blind-index key: a fixed id no partner would choose for a returnee
    /// (not the empty UUID, for which Marten makes up a new id on insert).
    /// </summary>
    private static readonly Guid BlindIndexKeyId = new("00000000-0000-4000-8000-b11d1de8c0de");

    private byte[]? _blindIndexKey;
    private KeyedHasher? _blindIndex;

    public byte[] BlindIndexKey => _blindIndexKey ?? throw NotStarted();

    /// <summary>A keyed hash of an identifying value, for lookups that must not reveal it (<see cref="Seal.KeyedHash"/> under the blind-index key).</summary>
    public string Of(string value) => (_blindIndex ?? throw NotStarted()).Of(value);

    private static InvalidOperationException NotStarted() => new("The service has not started: no blind-index key yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<PersonalDataKey>(BlindIndexKeyId, cancellationToken) is not { Key: { } key })
        {
            try
            {
                session.Insert(new PersonalDataKey(BlindIndexKeyId, Seal.NewKey()));
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (DocumentAlreadyExistsException)
            {
                // Another replica made it first: use theirs.
            }

            await using var reader = store.QuerySession();
            key = (await reader.LoadAsync<PersonalDataKey>(BlindIndexKeyId, cancellationToken))?.Key
                  ?? throw new InvalidOperationException("The blind-index key could not be stored in the key store.");
        }

        _blindIndexKey = key;
        _blindIndex = new KeyedHasher(key);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _blindIndex?.Dispose();

    /// <summary>The key of one returnee, for reading what is sealed under it (null once erased or never made).</summary>
    public static async Task<byte[]?> KeyOfAsync(IQuerySession session, Guid returnee, CancellationToken cancellationToken) =>
        (await session.LoadAsync<PersonalDataKey>(returnee, cancellationToken))?.Key;
}

/// <summary>Deletes a service's own records about an erased returnee, staged in the erasure's session.</summary>
public sealed record ErasureStep(Action<IDocumentSession, Guid> Stage);

public static class PersonalDataProtectionExtensions
{
    /// <summary>Documents of <typeparamref name="T"/> about the erased returnee are deleted with the erasure.</summary>
    public static IServiceCollection EraseWithReturnee<T>(this IServiceCollection services, System.Linq.Expressions.Expression<Func<T, Guid>> returnee) where T : notnull
    {
        return services.AddSingleton(new ErasureStep((session, erased) =>
            session.DeleteWhere(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                System.Linq.Expressions.Expression.Equal(returnee.Body, System.Linq.Expressions.Expression.Constant(erased)), returnee.Parameters))));
    }

    /// <summary>The service holds identifying data: seal it per returnee (see <see cref="PersonalDataProtection"/>).</summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services)
    {
        services.AddSingleton<PersonalDataProtection>();
        services.AddSingleton<IBlindIndex>(sp => sp.GetRequiredService<PersonalDataProtection>());
        services.AddHostedService(sp => sp.GetRequiredService<PersonalDataProtection>());
        services.ConfigureMarten(o => o.Schema.For<PersonalDataKey>());
        return services;
    }
}
