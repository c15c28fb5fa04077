using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// An answer of <c>GET /indicators</c>, read the way the tests check it: in detail mode unless the
/// query names one, since these tests count small hand-made cases that public mode withholds.
/// </summary>
public sealed class Report(JsonObject json)
{
    public static async Task<Report> GetAsync(HttpClient client, string query)
    {
        var mode = query.Contains("disclosure=", StringComparison.Ordinal) ? "" : (query.Length == 0 ? "?" : "&") + "disclosure=detail";
        return new((await client.GetFromJsonAsync<JsonObject>("/indicators" + query + mode))!);
    }

    public JsonObject Indicator(string code) =>
        Assert.Single(json["indicators"]!.AsArray(), i => (string?)i!["code"] == code)!.AsObject();

    public decimal? Value(string code) => (decimal?)Indicator(code)["value"];

    /// <summary>Asserts one dimension; keys with value 0 may be left out, as the catalogue allows.</summary>
    public void AssertBreakdown(string code, string dimension, params (string Key, decimal? Value)[] expected)
    {
        var actual = Indicator(code)["breakdown"]![dimension]!.AsObject();
        Assert.Equal(
            expected.Where(e => e.Value != 0).OrderBy(e => e.Key, StringComparer.Ordinal).ToList(),
            actual.Where(a => (decimal?)a.Value != 0).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, (decimal?)a.Value)).ToList());
    }

    /// <summary>One cell of a breakdown (a share's 0.0 is a value, not an empty cell).</summary>
    public decimal? Cell(string code, string dimension, string key) => (decimal?)Indicator(code)["breakdown"]![dimension]![key];

    public IReadOnlyList<(string Period, decimal? Value)> Series(string code) =>
        Indicator(code)["series"]!.AsArray().Select(p => ((string)p!["period"]!, (decimal?)p["value"])).ToList();
}
