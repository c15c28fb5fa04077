using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reintegration.UnitTests.Support;

/// <summary>Edits a valid JSON example one field at a time, by a dotted path such as <c>consent.dataProcessing</c>.</summary>
public static class JsonEdit
{
    /// <summary>Sets the field to a JSON literal (<c>"\"text\""</c>, <c>"42"</c>, <c>"true"</c>, <c>"null"</c>).</summary>
    public static JsonObject Set(this JsonObject json, string path, string jsonLiteral)
    {
        var (parent, name) = Locate(json, path);
        parent[name] = JsonNode.Parse(jsonLiteral);
        return json;
    }

    public static JsonObject SetText(this JsonObject json, string path, string text) =>
        json.Set(path, JsonSerializer.Serialize(text));

    public static JsonObject Without(this JsonObject json, string path)
    {
        var (parent, name) = Locate(json, path);
        Assert.True(parent.Remove(name), $"the example has no field '{path}' to remove");
        return json;
    }

    public static JsonElement ToElement(this JsonNode json) => JsonSerializer.SerializeToElement(json);

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static (JsonObject Parent, string Name) Locate(JsonObject json, string path)
    {
        var segments = path.Split('.');
        var parent = json;
        foreach (var segment in segments[..^1])
            parent = parent[segment] as JsonObject ?? throw new ArgumentException($"'{segment}' of '{path}' is not an object in the example");
        return (parent, segments[^1]);
    }
}
