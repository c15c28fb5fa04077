using System.Text.Json;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>The answers' JSON is the catalogue's, exactly: partners parse it.</summary>
public sealed class IngestionAnswerJsonTests
{
    [Fact]
    public void A_receipt_is_id_source_and_status() =>
        Assert.Equal("""{"id":"e-1","source":"urn:partner:a","status":"accepted"}""",
            Json(EventReceipt.From(new IngestionOutcome(0, "e-1", "urn:partner:a", IngestionStatus.Accepted))));

    [Fact]
    public void A_batch_answer_lists_results_in_order_with_the_problem_only_when_rejected()
    {
        var answer = new BatchAnswer(
        [
            BatchResultItem.From(new IngestionOutcome(0, "e-1", "urn:partner:a", IngestionStatus.Duplicate)),
            BatchResultItem.From(new IngestionOutcome(1, null, null, IngestionStatus.Rejected,
                Problem.Field(ProblemKind.InvalidEnvelope, "id", "is required"))),
        ]);

        Assert.Equal(
            """{"results":[{"index":0,"id":"e-1","source":"urn:partner:a","status":"duplicate"},"""
            + """{"index":1,"status":"rejected","problem":{"type":"urn:reintegration:problem:invalid-envelope","title":"The request is not a valid CloudEvent","status":400,"detail":"id: is required","errors":{"id":["is required"]}}}]}""",
            Json(answer));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonDefaults.Web);
}
