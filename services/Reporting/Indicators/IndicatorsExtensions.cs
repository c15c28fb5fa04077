using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.Reporting.Indicators;

public static class IndicatorsExtensions
{
    /// <summary>The indicators of these read models, answered from Reporting's database; targets from <c>Indicators:Targets</c>.</summary>
    public static void AddIndicators(this IHostApplicationBuilder builder, IReadOnlyList<IIndicatorSource> sources)
    {
        builder.Services.Configure<IndicatorOptions>(builder.Configuration.GetSection("Indicators"));
        foreach (var source in sources) builder.Services.AddSingleton(source);
        builder.Services.AddSingleton(_ => new ReportingDatabase(
            EventStoreExtensions.ConnectionString(builder.Configuration, ServiceIdentity.Reporting)));
        builder.Services.AddSingleton<IndicatorReader>();
        builder.Services.AddSingleton<IndicatorCache>();
        builder.Services.AddSingleton<IndicatorMetrics>();
    }
}
