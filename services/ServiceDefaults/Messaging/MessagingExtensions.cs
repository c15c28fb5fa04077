using System.Diagnostics.Metrics;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>Integration events a consumer commits in one transaction at most.</summary>
    public const int BatchSize = 200;

    /// <summary>Broker messages (each up to <see cref="IntegrationPages.MaxEvents"/> events) a consumer takes at once at most.</summary>
    public const int MessagesPerBatch = 20;

    /// <summary>
    /// MassTransit on RabbitMQ. A service that consumes names its queue (from
    /// <see cref="Reintegration.Contracts.Subscriptions"/>) and registers its consumers; retries
    /// are in-process because RabbitMQ 3.10 here has no delayed-message plugin.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string? queue = null, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var address = RabbitMqAddress.From(builder.Configuration);
        var queueType = QueueType.From(builder.Configuration);
        builder.Services.AddSingleton(address);
        builder.Services.AddSingleton(queueType);
        builder.Services.AddSingleton<SubscriberTopology>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubscriberTopology>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConsumerCommitGate>();
        if (queue is not null)
        {
            builder.Services.AddSingleton(sp => new ErrorQueue(address, queue, sp.GetRequiredService<IMeterFactory>()));
            builder.Services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>("error-queue");
            builder.Services.AddSingleton<HandledMessageRetention>().AddHostedService(sp => sp.GetRequiredService<HandledMessageRetention>());
        }

        builder.Services.AddMassTransit(bus =>
        {
            // Nothing about this programme leaves the deployment, not even usage counts.
            bus.DisableUsageTelemetry();
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(address.Host, address.Port, address.VirtualHost, $"reintegration-{builder.Services.GetServiceIdentity().Name}", h =>
                {
                    h.Username(address.UserName);
                    h.Password(address.Password);
                    // amqps://: TLS 1.2 or 1.3 only, the broker's certificate checked against the URI's host.
                    if (address.UseTls)
                        h.UseSsl(s =>
                        {
                            s.Protocol = RabbitMqAddress.TlsProtocols;
                            s.ServerName = address.Host;
                        });
                });
                rabbit.MessageTopology.SetEntityNameFormatter(new IntegrationEntityNames(rabbit.MessageTopology.EntityNameFormatter));
                if (queue is null) return;
                rabbit.ReceiveEndpoint(queue, receive =>
                {
                    // Quorum: the receive queue, and with it the _error and _skipped queues MassTransit
                    // derives from it (they copy its arguments), replicated across the cluster.
                    if (queueType.Quorum) receive.SetQuorumQueue();
                    // A batch fills only from messages delivered at once: let a few batches' worth in.
                    receive.PrefetchCount = builder.Configuration.GetValue("Messaging:PrefetchCount", 4 * MessagesPerBatch);
                    receive.ConcurrentMessageLimit = builder.Configuration.GetValue("Messaging:ConcurrentMessageLimit", 4 * MessagesPerBatch);
                    // In-process retries ride out a lost race (milliseconds) or a PostgreSQL restart
                    // (up to about ten minutes in all) before a batch is moved to the _error queue.
                    receive.UseMessageRetry(r => r.Exponential(25, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));
                    receive.ConfigureConsumers(context);
                });
            });
        });
        return builder;
    }

    /// <summary>Adds an <see cref="IdempotentBatchConsumer{TMessage}"/>: batches of up to <see cref="MessagesPerBatch"/> messages, gathered for at most 20 ms.</summary>
    public static IBusRegistrationConfigurator AddBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>(c => c.Options<BatchOptions>(o => o
            .SetMessageLimit(MessagesPerBatch)
            .SetTimeLimit(TimeSpan.FromMilliseconds(20))
            .SetConcurrencyLimit(2)));
        return bus;
    }

    /// <summary>Publishes the service's integration events from its event store (see <see cref="IntegrationEventPublisher"/>).</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression PublishIntegrationEvents<TMap>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TMap : class, IIntegrationEventMap
    {
        marten.Services.AddSingleton<IIntegrationEventMap, TMap>();
        return marten.AddSubscriptionWithServices<IntegrationEventPublisher>(ServiceLifetime.Scoped, o =>
        {
            o.Name = IntegrationEventPublisher.SubscriptionName;
            o.Options.BatchSize = 500;
        });
    }
}
