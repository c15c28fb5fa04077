using Marten;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Rebuilds;

public static class RebuildExtensions
{
    /// <summary>Rebuilds of these read models on request (<c>POST /operations/rebuilds</c>), with their ledger in Reporting's schema.</summary>
    public static void AddRebuilds(this IHostApplicationBuilder builder, params IRebuildableReadModel[] models)
    {
        builder.Services.ConfigureMarten(store => store.Storage.ExtendedSchemaObjects.Add(RebuildLedger.Schema()));
        builder.Services.AddSingleton<RebuildLedger>();
        builder.Services.AddSingleton<LogReader>();
        foreach (var model in models)
            builder.Services.AddSingleton(services => model.RebuildWith(services));
        builder.Services.AddSingleton<RebuildRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RebuildRunner>());
    }
}

/// <summary>A read model a rebuild can be made for, whatever its state type.</summary>
public interface IRebuildableReadModel
{
    IReadModelRebuild RebuildWith(IServiceProvider services);
}
