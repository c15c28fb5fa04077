using Microsoft.Extensions.Configuration;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// The type of the queues the services declare: classic (the default, what a single broker
/// needs), or quorum with <c>RabbitMq:QuorumQueues=true</c>, replicated across a RabbitMQ cluster
/// so that losing one node loses no message (deploy/kubernetes). Every service must say the same:
/// each declares the queues of all consumers (<see cref="SubscriberTopology"/>) and RabbitMQ
/// refuses a declaration whose type differs from the queue's. A queue's type cannot be changed in
/// place: switching an existing broker means draining and deleting the queues first, or a new vhost.
/// </summary>
public sealed record QueueType(bool Quorum)
{
    public const string ConfigurationKey = "RabbitMq:QuorumQueues";

    public static QueueType From(IConfiguration configuration) => new(configuration.GetValue(ConfigurationKey, false));

    /// <summary>The declaration arguments for a queue declared outside MassTransit, as MassTransit's <c>SetQuorumQueue()</c> declares it.</summary>
    public IDictionary<string, object?>? Arguments => Quorum ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
}
