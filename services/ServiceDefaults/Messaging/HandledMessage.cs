namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// A message a consumer has handled, stored in the same transaction as its effects: delivery is
/// at least once, and this is how a consumer recognises the second delivery.
/// </summary>
public sealed record HandledMessage(string Id, DateTimeOffset HandledAt)
{
    public static string KeyFor(Type consumer, Guid messageId) => $"{consumer.Name}|{messageId:N}";
}
