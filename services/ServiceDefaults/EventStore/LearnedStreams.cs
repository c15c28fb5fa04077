using System.Security.Cryptography;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// What a service learns about a returnee from other services (a registration, a consent change,
/// a closure) goes to a stream of its own, derived from the returnee's id, not to the stream
/// that partner events append to. Decisions read it; they do not version-check it. So a consumer
/// noting a registration never makes a partner's batch about that returnee lose its commit; a
/// fact learned while a batch is decided counts from the next batch on, as if it had arrived a
/// moment later, which the catalogue allows ("rejected once the withdrawal is known").
/// </summary>
public static class LearnedStreams
{
    private static readonly byte[] Namespace = "reintegration:learned:"u8.ToArray();

    /// <summary>The learned-facts stream of <paramref name="subject"/>: a name-based UUID (version 5 layout), the same in every replica.</summary>
    public static Guid For(Guid subject)
    {
        var hash = SHA1.HashData([.. Namespace, .. subject.ToByteArray(bigEndian: true)]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
