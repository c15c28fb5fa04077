using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration.ServiceDefaults.Hosting;

/// <summary>The JSON conventions of the partner contract: camelCase names, no nulls written.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    public static readonly JsonSerializerOptions Web = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
