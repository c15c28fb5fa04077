using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Messaging;
using YamlDotNet.RepresentationModel;
using static Reintegration.UnitTests.Deployment.Manifest;

namespace Reintegration.UnitTests.Deployment;

/// <summary>
/// What an operator relies on in deploy/kubernetes, read from the manifests themselves: probes
/// routing on what a replica needs, an autoscaler and a disruption budget per service, a grace
/// period the graceful shutdown fits in, quorum queues, and network policies that deny by default.
/// </summary>
public sealed class KubernetesManifestsTests
{
    private static readonly IReadOnlyList<Manifest> All = KubernetesManifests.Load();
    private static readonly IReadOnlyList<Manifest> Deployments = All.Where(m => m.Kind == "Deployment").ToList();
    private static readonly string[] Services = ServiceIdentity.All.Select(s => s.Name).ToArray();

    private static IEnumerable<YamlNode> Containers(Manifest deployment) => Items(deployment.Root, "spec", "template", "spec", "containers");

    private static string? Env(YamlNode container, string name) =>
        Items(container, "env").Where(e => ValueAt(e, "name") == name).Select(e => ValueAt(e, "value")).FirstOrDefault();

    [Fact]
    public void Every_service_has_a_deployment() =>
        Assert.Equal(Services.Order(), Deployments.Select(d => d.Name).Order());

    [Fact]
    public void Every_container_has_startup_liveness_and_readiness_probes_on_the_right_paths()
    {
        foreach (var deployment in Deployments)
        foreach (var container in Containers(deployment))
        {
            Assert.True(ValueAt(container, "startupProbe", "httpGet", "path") is "/health/live", $"{deployment}: startup probe on /health/live");
            Assert.True(ValueAt(container, "livenessProbe", "httpGet", "path") is "/health/live", $"{deployment}: liveness on /health/live");
            Assert.True(ValueAt(container, "readinessProbe", "httpGet", "path") is "/health/ready", $"{deployment}: readiness on /health/ready");
        }
    }

    [Fact]
    public void No_probe_anywhere_routes_on_the_operators_detail()
    {
        foreach (var deployment in Deployments)
        foreach (var container in Containers(deployment))
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
            Assert.False(ValueAt(container, probe, "httpGet", "path") is "/health/detail", $"{deployment}: {probe} must not ask /health/detail");
    }

    [Fact]
    public void Every_deployment_is_the_target_of_an_autoscaler_on_cpu_with_at_least_two_replicas()
    {
        foreach (var deployment in Deployments)
        {
            var autoscaler = Assert.Single(All, m => m.Kind == "HorizontalPodAutoscaler"
                && ValueAt(m.Root, "spec", "scaleTargetRef", "kind") == "Deployment"
                && ValueAt(m.Root, "spec", "scaleTargetRef", "name") == deployment.Name);
            Assert.Equal("autoscaling/v2", ValueAt(autoscaler.Root, "apiVersion"));
            Assert.True(int.Parse(ValueAt(autoscaler.Root, "spec", "minReplicas") ?? "1") >= 2, $"{autoscaler}: at least two replicas");
            Assert.Contains(Items(autoscaler.Root, "spec", "metrics"), m => ValueAt(m, "resource", "name") == "cpu");
            // The autoscaler owns the count: a replicas field would reset it at every apply.
            Assert.Null(At(deployment.Root, "spec", "replicas"));
        }
    }

    [Fact]
    public void Every_deployment_is_covered_by_a_disruption_budget_that_leaves_one_replica()
    {
        foreach (var deployment in Deployments)
        {
            var podLabels = Labels(deployment.Root, "spec", "template", "metadata", "labels");
            var budget = Assert.Single(All, m => m.Kind == "PodDisruptionBudget"
                && Labels(m.Root, "spec", "selector", "matchLabels") is { Count: > 0 } selector
                && selector.All(l => podLabels.GetValueOrDefault(l.Key) == l.Value));
            Assert.Equal("policy/v1", ValueAt(budget.Root, "apiVersion"));
            Assert.True(ValueAt(budget.Root, "spec", "minAvailable") == "1" || ValueAt(budget.Root, "spec", "maxUnavailable") == "1",
                $"{budget}: minAvailable 1 or maxUnavailable 1");
        }
    }

    [Fact]
    public void The_grace_period_outlasts_the_preStop_pause_plus_the_configured_shutdown_timeout()
    {
        var setting = GracefulShutdown.TimeoutKey.Replace(":", "__", StringComparison.Ordinal);
        foreach (var deployment in Deployments)
        {
            var grace = int.Parse(ValueAt(deployment.Root, "spec", "template", "spec", "terminationGracePeriodSeconds") ?? "30");
            foreach (var container in Containers(deployment))
            {
                var timeout = Env(container, setting);
                Assert.True(timeout is not null, $"{deployment}: sets {setting}, so the grace period is measured against what the app uses");
                var pause = PreStopPauseSeconds(container);
                Assert.True(pause > 0, $"{deployment}: a preStop pause, so endpoints are removed before SIGTERM");
                Assert.True(grace > pause + int.Parse(timeout!), $"{deployment}: grace {grace} s > preStop {pause} s + shutdown {timeout} s");
            }
        }
    }

    private static int PreStopPauseSeconds(YamlNode container)
    {
        if (ValueAt(container, "lifecycle", "preStop", "sleep", "seconds") is { } seconds) return int.Parse(seconds);
        var command = Items(container, "lifecycle", "preStop", "exec", "command").Select(c => ((YamlScalarNode)c).Value).ToList();
        return command is ["sleep", var n] ? int.Parse(n!) : 0;
    }

    [Fact]
    public void Containers_run_as_non_root_on_a_read_only_root_filesystem_with_resources_set()
    {
        foreach (var deployment in Deployments)
        {
            Assert.Equal("true", ValueAt(deployment.Root, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            foreach (var container in Containers(deployment))
            {
                Assert.Equal("true", ValueAt(container, "securityContext", "readOnlyRootFilesystem"));
                Assert.Equal("false", ValueAt(container, "securityContext", "allowPrivilegeEscalation"));
                Assert.NotNull(ValueAt(container, "resources", "requests", "cpu"));
                Assert.NotNull(ValueAt(container, "resources", "limits", "memory"));
            }
        }
    }

    [Fact]
    public void Every_service_declares_quorum_queues_in_the_cluster()
    {
        var setting = QueueType.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal);
        foreach (var deployment in Deployments)
        foreach (var container in Containers(deployment))
            Assert.True(Env(container, setting) == "true", $"{deployment}: {setting}=true (all services must agree)");
    }

    [Fact]
    public void The_namespace_denies_all_traffic_unless_a_policy_allows_it()
    {
        var deny = Assert.Single(All, m => m.Kind == "NetworkPolicy" && m.Name == "default-deny");
        Assert.Equal(0, (At(deny.Root, "spec", "podSelector") as YamlMappingNode)?.Children.Count);
        Assert.Equal(["Egress", "Ingress"], Items(deny.Root, "spec", "policyTypes").Select(t => ((YamlScalarNode)t).Value).Order());
        Assert.Null(At(deny.Root, "spec", "ingress"));
        Assert.Null(At(deny.Root, "spec", "egress"));
    }

    [Fact]
    public void Partners_ingress_reaches_the_ingestion_services_only()
    {
        var fromPartners = All.Where(m => m.Kind == "NetworkPolicy"
            && Items(m.Root, "spec", "ingress").SelectMany(i => Items(i, "from"))
                .Any(f => Labels(f, "namespaceSelector", "matchLabels").GetValueOrDefault("kubernetes.io/metadata.name") == "ingress-partners")).ToList();

        var policy = Assert.Single(fromPartners);
        var selected = Items(policy.Root, "spec", "podSelector", "matchExpressions")
            .Where(e => ValueAt(e, "key") == "app.kubernetes.io/name" && ValueAt(e, "operator") == "In")
            .SelectMany(e => Items(e, "values")).Select(v => ((YamlScalarNode)v).Value).Order();
        Assert.Equal(["counselling", "intake", "training"], selected);
        Assert.Empty(Labels(policy.Root, "spec", "podSelector", "matchLabels"));
    }

    [Fact]
    public void Every_kustomization_applies_every_manifest_beside_it()
    {
        foreach (var kustomization in Directory.EnumerateFiles(KubernetesManifests.Folder, "kustomization.yaml", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(kustomization)!;
            var stream = new YamlStream();
            using (var reader = new StreamReader(kustomization)) stream.Load(reader);
            var resources = Items(stream.Documents[0].RootNode, "resources").Select(r => ((YamlScalarNode)r).Value!).Order();
            var files = KubernetesManifests.Files(folder, recursive: false).Select(f => Path.GetFileName(f)).Where(f => f != "kustomization.yaml").Order();
            Assert.Equal(files, resources);
        }
    }

    [Fact]
    public void Every_manifest_names_its_kind_and_version_and_lives_in_the_namespace()
    {
        Assert.NotEmpty(All);
        foreach (var manifest in All)
        {
            Assert.False(string.IsNullOrEmpty(ValueAt(manifest.Root, "apiVersion")), $"{manifest}: apiVersion");
            Assert.False(string.IsNullOrEmpty(manifest.Kind), $"{manifest.File}: kind");
            if (manifest.Kind != "Namespace") Assert.Equal("reintegration", ValueAt(manifest.Root, "metadata", "namespace"));
        }
    }

    [Fact]
    public void The_database_bootstrap_makes_every_schema_the_services_roles_may_not_make_themselves()
    {
        // The services' roles have no CREATE on the database: each service's schema, and
        // Reporting's BI views' schema, must exist before they start (ServiceRoleStartTests).
        var cluster = Assert.Single(All, m => m.Kind == "Cluster");
        var bootstrap = Items(cluster.Root, "spec", "bootstrap", "initdb", "postInitApplicationSQL").Select(s => ((YamlScalarNode)s).Value!).ToList();

        foreach (var schema in ServiceIdentity.All.Select(s => s.Schema))
            Assert.Contains($"create schema {schema} authorization {schema}", bootstrap);
        Assert.Contains("create schema reporting_bi authorization reporting", bootstrap);
    }
}
