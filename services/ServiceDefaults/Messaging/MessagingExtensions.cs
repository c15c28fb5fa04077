using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ. A service that consumes names its queue (from
    /// <see cref="Reintegration.Contracts.Subscriptions"/>) and registers its consumers; retries
    /// are in-process because RabbitMQ 3.10 here has no delayed-message plugin.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder,
        string? queue = null,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IReceiveEndpointConfigurator>? endpoint = null)
    {
        var address = RabbitMqAddress.From(builder.Configuration);
        builder.Services.AddSingleton(address);
        builder.Services.AddSingleton<SubscriberTopology>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubscriberTopology>());
        builder.Services.AddSingleton(TimeProvider.System);

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
                });
                if (queue is null) return;
                rabbit.ReceiveEndpoint(queue, receive =>
                {
                    receive.PrefetchCount = builder.Configuration.GetValue("Messaging:PrefetchCount", 64);
                    receive.ConcurrentMessageLimit = builder.Configuration.GetValue("Messaging:ConcurrentMessageLimit", 16);
                    receive.UseMessageRetry(r => r.Exponential(10, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100)));
                    endpoint?.Invoke(receive);
                    receive.ConfigureConsumers(context);
                });
            });
        });
        return builder;
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
