using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reintegration.IntegrationTests.Infrastructure;
using Xunit;

namespace Reintegration.IntegrationTests.Telemetry;

/// <summary>
/// The Grafana files compose provisions (deploy/grafana/) stay in step with the services: the
/// dashboard parses and charts every metric of the services' own (under the names Prometheus
/// gives them), and every alert rule points to a runbook that docs/operations.md has.
/// </summary>
public sealed class ProvisionedDashboardTests
{
    /// <summary>The services' metrics as Prometheus names them from OTLP (dots to underscores, _total, unit suffixes).</summary>
    public static TheoryData<string> Metrics =>
    [
        "reintegration_ingestion_events_total",
        "reintegration_ingestion_batch_size_bucket",
        "reintegration_messaging_consumer_batch_size_bucket",
        "reintegration_messaging_consumer_lag_seconds_bucket",
        "reintegration_messaging_error_queue_messages",
        "reintegration_daemon_lag",
        "reintegration_daemon_lag_age_seconds",
        "reintegration_health_healthy",
        "reintegration_reporting_indicator_query_duration_seconds_bucket",
    ];

    [Theory]
    [MemberData(nameof(Metrics))]
    public void The_dashboard_charts_each_metric(string metric)
    {
        var expressions = Dashboard()["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .Select(t => (string?)t!["expr"] ?? "")
            .ToList();
        Assert.Contains(expressions, e => Regex.IsMatch(e, $@"\b{metric}\b"));
    }

    [Fact]
    public void Every_panel_queries_the_provisioned_prometheus_and_has_a_place()
    {
        foreach (var panel in Dashboard()["panels"]!.AsArray().Where(p => (string?)p!["type"] != "row"))
        {
            Assert.Equal("prometheus", (string?)panel!["datasource"]!["uid"]);
            Assert.NotNull(panel["gridPos"]);
            Assert.NotEmpty(panel["targets"]!.AsArray());
        }
    }

    [Fact]
    public void Every_alert_has_a_runbook_in_the_operations_guide()
    {
        var rules = File.ReadAllText(Path.Combine(Root, "deploy/grafana/alerting/reintegration-alerts.yaml"));
        var anchors = Regex.Matches(File.ReadAllText(Path.Combine(Root, "docs/operations.md")), @"^### (.+)$", RegexOptions.Multiline)
            .Select(m => Anchor(m.Groups[1].Value))
            .ToHashSet();
        var runbooks = Regex.Matches(rules, @"runbook: docs/operations\.md#(\S+)").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(Regex.Matches(rules, @"^  - uid: ", RegexOptions.Multiline).Count, runbooks.Count);
        Assert.All(runbooks, runbook => Assert.Contains(runbook, anchors));
    }

    /// <summary>A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Anchor(string heading) =>
        Regex.Replace(Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd} -]", ""), " ", "-");

    private static JsonObject Dashboard() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "deploy/grafana/dashboards/reintegration.json")))!.AsObject();

    private static string Root => Repository.Root;
}
