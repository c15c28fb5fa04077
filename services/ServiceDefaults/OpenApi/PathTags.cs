using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// Groups operations by what they act on (<c>/events</c> → Events, <c>/returnees/…</c> → Returnees)
/// instead of the generator's default tag, the name of the class or assembly that maps them, which
/// means nothing to a partner. A tag given on purpose (<c>WithTags</c>) is kept.
/// </summary>
public sealed class PathTags : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (path, item) in document.Paths ?? [])
        foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
        {
            if (operation.Tags is { Count: > 0 } tags && !tags.All(t => IsGenerated(t.Name))) continue;
            var segment = path.TrimStart('/').Split('/')[0];
            if (segment.Length == 0) continue;
            operation.Tags = new HashSet<OpenApiTagReference> { new(char.ToUpperInvariant(segment[0]) + segment[1..], document) };
        }

        var used = DocumentWalk.Operations(document).SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        document.Tags = used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag { Name = name }).ToHashSet();
        return Task.CompletedTask;
    }

    /// <summary>The generator tags an operation with its declaring class (…Endpoints) or, for a lambda, the assembly.</summary>
    private static bool IsGenerated(string? tag) =>
        tag is null || tag.EndsWith("Endpoint", StringComparison.Ordinal) || tag.EndsWith("Endpoints", StringComparison.Ordinal)
        || tag.StartsWith("Reintegration.", StringComparison.Ordinal);
}
