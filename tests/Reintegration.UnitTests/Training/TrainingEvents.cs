using System.Text.Json.Nodes;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.Training.Certification;
using Reintegration.Training.Trainings;
using Reintegration.Training.Workshops;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Training;

/// <summary>Valid examples of Training's types and what they mean, written out field by field.</summary>
public static class TrainingEvents
{
    public static readonly RecordTraining Trainings = new();
    public static readonly CertifyWorker Certifications = new();
    public static readonly RecordWorkshop Workshops = new();

    public static readonly Guid Aminata = Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b7a01");
    public static readonly Guid Moussa = Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b7a02");
    public static readonly Guid Fanta = Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b7a03");

    /// <summary>Aminata and Moussa completed it, Fanta did not.</summary>
    public static JsonObject TrainingData() => (JsonObject)JsonNode.Parse($$"""
        {
          "course": "psychological-first-aid",
          "startDate": "2026-03-02",
          "endDate": "2026-03-04",
          "region": "kayes",
          "trainer": "trainer-kayes-02",
          "participants": [
            { "workerId": "{{Aminata}}", "sex": "female", "role": "social-worker", "organisation": "CSCOM Kayes N'Di", "preTestScore": 45, "postTestScore": 80, "completed": true },
            { "workerId": "{{Moussa}}", "sex": "male", "role": "health-worker", "organisation": "CSREF Kayes", "completed": true },
            { "workerId": "{{Fanta}}", "sex": "female", "role": "community-volunteer", "organisation": "Association Benkadi", "preTestScore": 30, "postTestScore": 35, "completed": false }
          ]
        }
        """)!;

    public static TrainingDelivered Delivered(Guid training, DateTimeOffset? time = null, string course = "psychological-first-aid") =>
        new(training, time ?? Envelopes.At, Envelopes.Source, course, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4), "kayes", "trainer-kayes-02",
        [
            new TrainedWorker(Aminata, "female", "social-worker", "CSCOM Kayes N'Di", 45, 80, true),
            new TrainedWorker(Moussa, "male", "health-worker", "CSREF Kayes", null, null, true),
            new TrainedWorker(Fanta, "female", "community-volunteer", "Association Benkadi", 30, 35, false),
        ]);

    public static CloudEventEnvelope TrainingReport(Guid id, JsonObject data, DateTimeOffset? time = null, string source = Envelopes.Source) =>
        Envelopes.Envelope(RecordTraining.Type, id, data, time, source);

    public static JsonObject CertificationData(Guid training, string course = "psychological-first-aid") => new()
    {
        ["course"] = course, ["trainingId"] = training.ToString(),
    };

    public static CloudEventEnvelope Certification(Guid worker, JsonObject data, DateTimeOffset? time = null) =>
        Envelopes.Envelope(CertifyWorker.Type, worker, data, time);

    public static WorkerCertified Certified(Guid worker, Guid training, DateTimeOffset? time = null, string course = "psychological-first-aid") =>
        new(worker, time ?? Envelopes.At, Envelopes.Source, course, training);

    public static JsonObject WorkshopData(params Guid[] participants) => new()
    {
        ["kind"] = "livelihood-skills",
        ["region"] = "segou",
        ["facilitator"] = "facilitator-segou-01",
        ["participants"] = new JsonArray(participants.Select(p => (JsonNode)p.ToString()).ToArray()),
    };

    public static CloudEventEnvelope Workshop(Guid id, JsonObject data, DateTimeOffset? time = null, string source = Envelopes.Source) =>
        Envelopes.Envelope(RecordWorkshop.Type, id, data, time, source);

    public static WorkshopHeld Held(Guid workshop, DateTimeOffset time, params Guid[] participants) =>
        new(workshop, time, Envelopes.Source, "livelihood-skills", "segou", "facilitator-segou-01", participants);

    public static Problem? TrainingProblem(JsonObject data) => Trainings.Prepare(TrainingReport(Guid.NewGuid(), data)).Problem;

    public static Problem? WorkshopProblem(JsonObject data) => Workshops.Prepare(Workshop(Guid.NewGuid(), data)).Problem;
}
