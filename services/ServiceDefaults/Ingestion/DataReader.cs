using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentValidation;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// Reads an event's <c>data</c> into its typed record and checks the catalogue's rules, naming
/// each failing field by its JSON path under <c>data.</c>. Strict on purpose: an unknown field is
/// more often a partner's typo (and silently lost data) than a harmless extra.
/// </summary>
public static partial class DataReader
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    static DataReader()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }

    public static (TData? Data, Problem? Problem) Read<TData>(JsonElement data, IValidator<TData> validator) where TData : class
    {
        if (data.ValueKind != JsonValueKind.Object)
            return (null, Problem.Field(ProblemKind.InvalidData, "data", "must be a JSON object"));
        // A CloudEvent's data was checked with its envelope; a desk body comes here unchecked.
        if (InternetJson.Check(data, "data", ProblemKind.InvalidRequest) is { } notIJson) return (null, notIJson);
        if (NulFields(data, "data").ToList() is { Count: > 0 } holdingNul)
            return (null, new Problem(ProblemKind.InvalidData,
                string.Join("; ", holdingNul.Select(f => $"{f}: {RuleExtensions.NulMessage}")),
                holdingNul.ToDictionary(f => f, _ => new[] { RuleExtensions.NulMessage })));

        TData? parsed;
        try
        {
            parsed = data.Deserialize<TData>(Strict);
        }
        catch (JsonException ex)
        {
            return (null, FromJsonException(ex));
        }

        if (parsed is null) return (null, Problem.Field(ProblemKind.InvalidData, "data", "must be a JSON object"));

        var result = validator.Validate(parsed);
        if (result.IsValid) return (parsed, null);

        var errors = result.Errors
            .GroupBy(e => "data." + JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return (null, new Problem(ProblemKind.InvalidData,
            string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), errors));
    }

    /// <summary>
    /// Every text under <paramref name="path"/> holding U+0000, whatever the type's rules say: the
    /// catalogue forbids it in all text, and PostgreSQL could not store it (a 500, and in a batch
    /// the loss of the events beside it).
    /// </summary>
    private static IEnumerable<string> NulFields(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when element.GetString()!.Contains('\0'):
                yield return path;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                foreach (var field in NulFields(property.Value, $"{path}.{property.Name}"))
                    yield return field;
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                foreach (var field in NulFields(item, $"{path}[{index++}]"))
                    yield return field;
                break;
        }
    }

    private static Problem FromJsonException(JsonException ex)
    {
        var field = ex.Path is null or "$" ? "data" : "data." + ex.Path[2..];
        if (UnmappedProperty().IsMatch(ex.Message))
            return Problem.Field(ProblemKind.InvalidData, field, "is not a field of this event type");

        return Problem.Field(ProblemKind.InvalidData, field, "has the wrong JSON type or format (dates are YYYY-MM-DD, numbers are integers, booleans are true or false)");
    }

    /// <summary>FluentValidation's <c>Consent.DataSharing[0]</c> as the partner wrote it: <c>consent.dataSharing[0]</c>.</summary>
    public static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
