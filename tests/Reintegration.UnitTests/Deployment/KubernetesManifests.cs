using YamlDotNet.RepresentationModel;

namespace Reintegration.UnitTests.Deployment;

/// <summary>One object of a manifest file (a YAML document), with paths into it.</summary>
public sealed record Manifest(string File, YamlMappingNode Root)
{
    public string Kind => ValueAt(Root, "kind") ?? "";
    public string Name => ValueAt(Root, "metadata", "name") ?? "";

    public override string ToString() => $"{Kind} {Name} ({File})";

    public static YamlNode? At(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node)) return null;
        }

        return node;
    }

    public static string? ValueAt(YamlNode? node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(YamlNode? node, params string[] path) =>
        At(node, path) is YamlSequenceNode sequence ? sequence.Children : [];

    /// <summary>A mapping of scalars (labels, matchLabels) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Labels(YamlNode? node, params string[] path) =>
        At(node, path) is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? "")
            : new Dictionary<string, string>();
}

/// <summary>The files of deploy/kubernetes, parsed: what kubectl apply -k would send.</summary>
public static class KubernetesManifests
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "deploy", "kubernetes");

    /// <summary>Every object of every .yaml file under <paramref name="folder"/> (not kustomization.yaml).</summary>
    public static IReadOnlyList<Manifest> Load(string? folder = null, bool recursive = true) =>
        Files(folder ?? Folder, recursive)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(Read)
            .ToList();

    public static IEnumerable<string> Files(string folder, bool recursive = true) =>
        Directory.EnumerateFiles(folder, "*.yaml", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order();

    public static IEnumerable<Manifest> Read(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file)) stream.Load(reader);
        var relative = Path.GetRelativePath(RepositoryRoot(), file);
        return stream.Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Select(root => new Manifest(relative, root))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Reintegration.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Reintegration.slnx not found above " + AppContext.BaseDirectory);
    }
}
