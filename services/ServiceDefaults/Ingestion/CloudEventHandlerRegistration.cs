using Microsoft.Extensions.DependencyInjection;

namespace Reintegration.ServiceDefaults.Ingestion;

public static class CloudEventHandlerRegistration
{
    /// <summary>Registers one partner event type this service takes.</summary>
    public static IServiceCollection AddCloudEventHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICloudEventHandler =>
        services.AddSingleton<ICloudEventHandler, THandler>();
}
