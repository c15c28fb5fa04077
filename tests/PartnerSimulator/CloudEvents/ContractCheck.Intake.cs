namespace Reintegration.PartnerSimulator.CloudEvents;

// Intake's case events after the registration.
public static partial class ContractCheck
{
    private static readonly HashSet<string> ConsentFields = ["dataProcessing", "counselling", "followUpContact", "dataSharing"];
    private static readonly HashSet<string> Vulnerabilities = [.. Codes.Vulnerability.All];
    private static readonly HashSet<string> GoalDimensions = ["economic", "social", "psychosocial"];
    private static readonly HashSet<string> ClosureReasons =
        ["support-completed", "no-longer-eligible", "returnee-choice", "left-area", "deceased", "lost-to-follow-up"];

    private static void CheckConsentUpdate(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ConsentFields, e.Fail);
        if (d.Count == 0) e.Fail("a consent update needs at least one of dataProcessing, counselling, followUpContact, dataSharing");
        foreach (var flag in new[] { "dataProcessing", "counselling", "followUpContact" })
            if (d.ContainsKey(flag) && Bool(d, flag) is null) e.Fail($"{flag} is not a boolean");
        if (d.ContainsKey("dataSharing") && Strings(d["dataSharing"]) is null) e.Fail("dataSharing is not a list of sources");
        if (Bool(d, "dataProcessing") == true) e.Fail("dataProcessing: true is only given at registration");

        var withdraws = Bool(d, "dataProcessing") == false;
        between.ConsentChanged(e, Bool(d, "counselling"), withdraws);
        if (!withdraws) between.CaseActivity(e);
    }

    private static void CheckScreening(Seen e, BetweenEvents between)
    {
        Unknown(e.Data, ["vulnerabilities", "urgentCareNeeded"], e.Fail);
        if (Strings(e.Data["vulnerabilities"]) is not { } codes) e.Fail("vulnerabilities is not a list of codes");
        else
        {
            foreach (var code in codes.Where(c => !Vulnerabilities.Contains(c))) e.Fail($"vulnerability '{code}' is not a catalogue code");
            if (codes.Distinct().Count() != codes.Count) e.Fail("a vulnerability is listed twice");
        }

        if (Bool(e.Data, "urgentCareNeeded") is null) e.Fail("urgentCareNeeded is not a boolean");
        between.CaseActivity(e);
    }

    private static void CheckPlan(Seen e, BetweenEvents between)
    {
        Unknown(e.Data, ["goals"], e.Fail);
        if (e.Data["goals"] is not System.Text.Json.Nodes.JsonArray goals || goals.Count is < 1 or > 10) e.Fail("goals is not a list of 1–10");
        else
        {
            foreach (var goal in goals)
            {
                if (goal is not System.Text.Json.Nodes.JsonObject g)
                {
                    e.Fail("a goal is not an object");
                    continue;
                }

                Unknown(g, ["dimension", "description"], e.Fail);
                Code(g, "dimension", GoalDimensions, e.Fail);
                Length(Str(g, "description"), 1, 500, "goal description", e.Fail);
            }
        }

        between.CaseActivity(e);
    }

    private static void CheckSurvey(Seen e, BetweenEvents between)
    {
        string[] scores = ["economic", "social", "psychosocial", "composite"];
        Unknown(e.Data, [.. scores], e.Fail);
        foreach (var score in scores)
            if (Decimal(e.Data, score) is not (>= 0 and <= 1)) e.Fail($"{score} is not a score from 0 to 1");
        between.CaseActivity(e);
    }

    private static void CheckClosure(Seen e, BetweenEvents between)
    {
        Unknown(e.Data, ["reason"], e.Fail);
        Code(e.Data, "reason", ClosureReasons, e.Fail);
        between.Closed(e);
    }

    private static void CheckReopening(Seen e, BetweenEvents between)
    {
        Unknown(e.Data, ["reason"], e.Fail);
        Length(Str(e.Data, "reason"), 1, 500, "reason", e.Fail);
        between.Reopened(e);
    }
}
