using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>One event's answer: accepted, duplicate or rejected, with the problem's type where rejected.</summary>
public sealed record EventAnswer(string Status, string? Problem)
{
    public override string ToString() => Problem is null ? Status : $"{Status} ({Problem})";
}

/// <summary>What <c>POST /events</c> answered: its status, the problem's type, and each event's answer where it says them.</summary>
public sealed record Answer(int Status, string? MediaType, string? Problem, IReadOnlyList<EventAnswer>? Results, string Body)
{
    public bool IsServerError => Status >= 500;

    /// <summary>Each event's answer: a batch's results, or one event's from the status.</summary>
    public IReadOnlyList<EventAnswer> PerEvent(int events) => Results ?? [.. Enumerable.Repeat(Single, events)];

    private EventAnswer Single => Status switch
    {
        202 => new EventAnswer("accepted", null),
        200 => new EventAnswer(Results is null ? StatusOf(Body) : "batch", null),
        _ => new EventAnswer("rejected", $"{Status} {Problem}"),
    };

    public static async Task<Answer> SendAsync(HttpClient client, FuzzRequest request)
    {
        using var message = request.ToMessage();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The in-process server lets an exception the app did not handle reach the client: that is a 500 to a partner.
            return new Answer(500, null, null, null, $"unhandled: {ex}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            string? problem = null;
            IReadOnlyList<EventAnswer>? results = null;
            try
            {
                var json = body.Length > 0 ? JsonNode.Parse(body) : null;
                if (mediaType == "application/problem+json") problem = (string?)json?["type"];
                else if (json?["results"] is JsonArray array)
                    results = [.. array.Select(r => new EventAnswer((string)r!["status"]!, (string?)r["problem"]?["type"]))];
            }
            catch (JsonException)
            {
            }

            return new Answer((int)response.StatusCode, mediaType, problem, results, body);
        }
    }

    private static string StatusOf(string body)
    {
        try
        {
            return (string?)JsonNode.Parse(body)?["status"] ?? "?";
        }
        catch (JsonException)
        {
            return "?";
        }
    }

    public override string ToString() =>
        $"{Status} {MediaType} {Problem}" + (Results is null ? "" : $" [{string.Join(", ", Results)}]") + (IsServerError ? $"\n{Body}" : "");
}
