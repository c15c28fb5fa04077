using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.Returnees;

/// <summary>
/// <c>wellbeing-improved</c>: of the registered returnees with two or more WHO-5 assessments in
/// the window, the share whose latest score there is at least 10 points above their first there
/// (order by time, then assessment id). Kept per month, quarter and all time; any other window
/// is judged per returnee by <see cref="WellbeingImprovedExactly"/>.
/// </summary>
public sealed class WellbeingImproved : IIndicatorSlice<ReturneeFacts>
{
    public const string Code = "wellbeing-improved";
    public const string Instrument = "who-5";
    public const int Improvement = 10;

    private static readonly Grain[] Grains = [Grain.Month, Grain.Quarter, Grain.All];

    public IndicatorDefinition Definition { get; } =
        new(Code, FigureKind.Share, Counting.Distinct, "sex", IndicatorDefinition.Region) { ExactWindow = new WellbeingImprovedExactly() };

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        var who5 = state.Journey.Assessments.Where(a => a.Instrument == Instrument)
            .OrderBy(a => a.Time).ThenBy(a => a.AssessmentId.ToString("D"), StringComparer.Ordinal).ToList();
        foreach (var grain in Grains)
            foreach (var period in who5.GroupBy(a => grain.StartOf(Periods.DayOf(a.Time))))
                if (Judge(period.ToList()) is { } improved)
                    into.Period(Code, grain, period.Key, r.Region, improved ? 1 : 0, 1, ReturneeKeys.Sex(r));
    }

    /// <summary>Null with fewer than two assessments; else whether the latest is at least 10 above the first.</summary>
    public static bool? Judge(IReadOnlyList<AssessmentReported> inOrder) =>
        inOrder.Count < 2 ? null : inOrder[^1].Score >= inOrder[0].Score + Improvement;
}

/// <summary>The share over an arbitrary window, per returnee from the assessment rows, exactly as <see cref="WellbeingImproved"/> judges it.</summary>
public sealed class WellbeingImprovedExactly : IExactWindowQuery
{
    // Days are ISO text in the rows, so a text range is a date range, and an index on text needs no cast.
    public string? Index(ReadModelTables tables) =>
        $"create index if not exists ix_{tables.Name}_rows_assessments on {tables.Rows} ((body->>'instrument'), (body->>'recorded_on')) where fact = 'assessment'";

    public string Sql(ReadModelTables tables) =>
        $"""
         with a as (
           select (body->>'returnee_id')::uuid as person, (body->>'recorded_at')::timestamptz as at, body->>'assessment_id' as id, (body->>'score')::int as score
           from {tables.Rows}
           where fact = 'assessment' and body->>'instrument' = '{WellbeingImproved.Instrument}'
             and ($1::date is null or body->>'recorded_on' >= $1::text) and ($2::date is null or body->>'recorded_on' <= $2::text)),
         p as (
           select person, (array_agg(score order by at, id collate "C"))[1] as first, (array_agg(score order by at desc, id collate "C" desc))[1] as latest
           from a group by person having count(*) >= 2),
         j as (
           select p.first, p.latest, x.body->>'sex' as sex, x.body->>'region' as region
           from p join {tables.Rows} x on x.fact = 'returnee' and x.key = p.person::text
           where $3::text is null or x.body->>'region' = $3)
         select '{WellbeingImproved.Code}', '', '', (count(*) filter (where latest >= first + {WellbeingImproved.Improvement}))::numeric, count(*) from j
         union all
         select '{WellbeingImproved.Code}', 'sex', sex, (count(*) filter (where latest >= first + {WellbeingImproved.Improvement}))::numeric, count(*) from j group by sex
         union all
         select '{WellbeingImproved.Code}', '{IndicatorDefinition.Region}', region, (count(*) filter (where latest >= first + {WellbeingImproved.Improvement}))::numeric, count(*) from j group by region
         """;
}
