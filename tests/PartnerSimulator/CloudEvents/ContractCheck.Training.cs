using System.Text.Json.Nodes;

namespace Reintegration.PartnerSimulator.CloudEvents;

// Training's types: trainings of workers, certifications, awareness events and workshops.
public static partial class ContractCheck
{
    private static readonly HashSet<string> Courses = [.. Codes.Course.All];
    private static readonly HashSet<string> Roles = ["social-worker", "health-worker", "community-volunteer", "teacher", "public-official"];
    private static readonly HashSet<string> AwarenessKinds =
        ["care-campaign", "information-session", "community-dialogue", "radio-broadcast", "school-session"];
    private static readonly HashSet<string> WorkshopKinds =
        ["art-therapy", "peer-support", "livelihood-skills", "technical-innovation", "cultural-activity"];

    private static void CheckTraining(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["course", "startDate", "endDate", "region", "trainer", "participants"], e.Fail);
        Code(d, "course", Courses, e.Fail);
        Code(d, "region", Regions, e.Fail);
        Length(Str(d, "trainer"), 1, 64, "trainer", e.Fail);
        var (start, end) = (Date(d, "startDate"), Date(d, "endDate"));
        if (start is null || end is null) e.Fail("startDate and endDate are not YYYY-MM-DD");
        else if (end < start) e.Fail("endDate is before startDate");

        var completed = new HashSet<Guid>();
        if (d["participants"] is not JsonArray participants || participants.Count is < 1 or > 200) e.Fail("participants are not a list of 1–200");
        else
        {
            var workers = new HashSet<Guid>();
            foreach (var node in participants)
            {
                if (node is not JsonObject p)
                {
                    e.Fail("a participant is not an object");
                    continue;
                }

                Unknown(p, ["workerId", "sex", "role", "organisation", "preTestScore", "postTestScore", "completed"], e.Fail);
                if (Uuid(p, "workerId") is not { } worker) e.Fail("workerId is not a UUID");
                else if (!workers.Add(worker)) e.Fail($"worker {worker} is named twice");
                Code(p, "sex", Sexes, e.Fail);
                Code(p, "role", Roles, e.Fail);
                Length(Str(p, "organisation"), 1, 100, "organisation", e.Fail);
                foreach (var score in new[] { "preTestScore", "postTestScore" })
                    if (p.ContainsKey(score) && Int(p, score) is not (>= 0 and <= 100)) e.Fail($"{score} is not 0–100");
                if (Bool(p, "completed") is not { } done) e.Fail("completed is not a boolean");
                else if (done && Uuid(p, "workerId") is { } w) completed.Add(w);
            }
        }

        between.TrainingDelivered(e, Str(d, "course") ?? "", completed);
    }

    private static void CheckCertification(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["course", "trainingId"], e.Fail);
        Code(d, "course", Courses, e.Fail);
        if (Uuid(d, "trainingId") is not { } training) e.Fail("trainingId is not a UUID");
        else between.Certified(e, Str(d, "course") ?? "", training);
    }

    private static void CheckAwarenessEvent(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["kind", "region", "commune", "reached", "returneeParticipants"], e.Fail);
        Code(d, "kind", AwarenessKinds, e.Fail);
        Code(d, "region", Regions, e.Fail);
        if (d.ContainsKey("commune") && string.IsNullOrEmpty(Str(d, "commune"))) e.Fail("commune is empty");
        if (d["reached"] is not JsonObject reached) e.Fail("reached is missing");
        else
        {
            var counts = new[] { "women", "men", "girls", "boys" }.Select(k => Int(reached, k)).ToArray();
            if (counts.Any(c => c is not >= 0)) e.Fail("reached counts are not integers ≥ 0");
            else if (counts.Sum() < 1) e.Fail("reached adds up to less than 1");
            if (reached.Count != 4) e.Fail("reached has other fields than women, men, girls, boys");
        }

        if (d.ContainsKey("returneeParticipants"))
        {
            if (Uuids(d["returneeParticipants"]) is not { } participants) e.Fail("returneeParticipants is not a list of UUIDs");
            else foreach (var returnee in participants) between.TakesPart(e, returnee);
        }
    }

    private static void CheckWorkshop(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["kind", "region", "facilitator", "participants"], e.Fail);
        Code(d, "kind", WorkshopKinds, e.Fail);
        Code(d, "region", Regions, e.Fail);
        Length(Str(d, "facilitator"), 1, 64, "facilitator", e.Fail);
        foreach (var returnee in Participants(d, 1, 100, e.Fail)) between.TakesPart(e, returnee);
    }
}
