using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>Unhealthy while messages wait in the error queue: each one is missing from what the service shows.</summary>
public sealed class ErrorQueueHealthCheck(ErrorQueue errors) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var depth = await errors.DepthAsync(cancellationToken);
            return depth == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{depth} messages wait in {errors.Name}: fix what their reason header says, then POST /operations/redrive");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"cannot count {errors.Name}", ex);
        }
    }
}
