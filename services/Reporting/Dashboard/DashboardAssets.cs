using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Reintegration.Reporting.Dashboard;

/// <summary>One file of the page, held in memory with its content type and entity tag.</summary>
public sealed record DashboardAsset(string Path, byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>
/// The page's files (Dashboard/wwwroot, the vendored libraries included), embedded in the
/// service's assembly: every build, test host and container serves exactly what was committed,
/// with nothing to copy beside the binary and nothing fetched from elsewhere at run time.
/// </summary>
public sealed class DashboardAssets
{
    /// <summary>The logical-name prefix the project file gives the embedded files.</summary>
    public const string ResourcePrefix = "dashboard/";

    private readonly Dictionary<string, DashboardAsset> _assets;

    private DashboardAssets(Dictionary<string, DashboardAsset> assets) => _assets = assets;

    public static DashboardAssets FromAssembly(Assembly assembly)
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = name[ResourcePrefix.Length..];
            var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript") type += "; charset=utf-8";
            var tag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(content))[..22]}\"");
            assets[path] = new DashboardAsset(path, content, type, tag);
        }

        if (!assets.ContainsKey(DashboardEndpoints.PagePath))
            throw new InvalidOperationException($"The dashboard's {DashboardEndpoints.PagePath} is not embedded in {assembly.GetName().Name}: check the EmbeddedResource item of the project file.");
        return new DashboardAssets(assets);
    }

    public DashboardAsset? Find(string path) => _assets.GetValueOrDefault(path);
}
