using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Posting;

/// <summary>
/// Reads a batch answer: <c>{"results":[{"index","id","source","status","problem"}]}</c>, one
/// result per posted event, in the order posted. Anything else breaks the contract and throws.
/// </summary>
internal static class BatchAnswer
{
    public static BatchTally Read(PartnerService service, Uri? uri, string body, int eventCount, int? batchIndex)
    {
        PartnerPostException Broken(string problem) => new(service, uri, statusCode: null, body, problem);

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw Broken($"the answer is not JSON ({e.Message})");
        }

        if (root?["results"] is not JsonArray results) throw Broken("the answer has no \"results\" array");
        if (results.Count != eventCount) throw Broken($"{results.Count} results for {eventCount} events");

        int accepted = 0, duplicate = 0;
        var rejections = new List<RejectedEvent>();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i] is not JsonObject result) throw Broken($"result {i} is not an object");
            if (result["index"] is JsonValue index && index.TryGetValue<int>(out var at) && at != i)
                throw Broken($"result {i} carries index {at}: results must come in the order posted");

            switch (Text(result["status"]))
            {
                case "accepted":
                    accepted++;
                    break;
                case "duplicate":
                    duplicate++;
                    break;
                case "rejected":
                    rejections.Add(new RejectedEvent(
                        service, batchIndex, i, Text(result["id"]), Text(result["source"]), result["problem"]?.DeepClone()));
                    break;
                case var other:
                    throw Broken($"result {i} has status '{other}', not accepted, duplicate or rejected");
            }
        }

        return new BatchTally(service, eventCount, accepted, duplicate, rejections.Count, rejections);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
