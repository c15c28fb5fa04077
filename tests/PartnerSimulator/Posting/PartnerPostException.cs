using System.Net;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Posting;

/// <summary>
/// A batch post was not answered the way the catalogue promises (200 OK with one result per
/// event). Rejected events are not this: they are tallied, and the caller decides.
/// </summary>
public sealed class PartnerPostException : Exception
{
    private const int BodyShownInMessage = 2000;

    public PartnerPostException(PartnerService service, Uri? requestUri, HttpStatusCode? statusCode, string responseBody, string problem)
        : base(Describe(service, requestUri, statusCode, responseBody, problem))
    {
        Service = service;
        RequestUri = requestUri;
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    public PartnerService Service { get; }
    public Uri? RequestUri { get; }

    /// <summary>The HTTP status, or null when the answer was 200 but its body broke the contract.</summary>
    public HttpStatusCode? StatusCode { get; }

    public string ResponseBody { get; }

    private static string Describe(PartnerService service, Uri? uri, HttpStatusCode? status, string body, string problem)
    {
        var shown = body.Length > BodyShownInMessage ? body[..BodyShownInMessage] + " …" : body;
        var code = status is { } s ? $"{(int)s} {s}" : "200 OK";
        return $"{service} POST {uri}: {problem} (answer {code}). Body: {shown}";
    }
}
