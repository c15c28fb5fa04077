using Reintegration.Reporting.Facts;

namespace Reintegration.UnitTests.Reporting;

/// <summary>Additive figures are kept at the day and counted in every coarser grain once, when summed.</summary>
public sealed class CellSumsTests
{
    private static readonly DateOnly March3 = new(2026, 3, 3);
    private static readonly DateOnly March20 = new(2026, 3, 20);

    [Fact]
    public void A_thing_counted_on_a_day_counts_in_its_month_quarter_and_all_time_in_its_region_and_every_region()
    {
        var into = new Contributions();

        into.Count("counselling-sessions", March3, "kita", ("modality", "in-person"));

        Assert.Equal(4, into.Daily.Count);
        var cells = into.Cells;
        Assert.Equal(16, cells.Count);
        foreach (var (grain, period) in new[] { (Grain.Day, March3), (Grain.Month, new DateOnly(2026, 3, 1)), (Grain.Quarter, new DateOnly(2026, 1, 1)), (Grain.All, Periods.AllTime) })
            foreach (var region in new[] { "kita", Contributions.AllRegions })
            {
                Assert.Equal(new CellValue(1, 0), cells[new CellKey("counselling-sessions", grain, period, region, "", "")]);
                Assert.Equal(new CellValue(1, 0), cells[new CellKey("counselling-sessions", grain, period, region, "modality", "in-person")]);
            }
    }

    [Fact]
    public void A_session_moved_within_its_month_moves_its_days_and_leaves_the_month_unwritten()
    {
        Contributions On(DateOnly day)
        {
            var into = new Contributions();
            into.Count("counselling-sessions", day, "kita");
            return into;
        }

        var changes = new ContributionChanges();
        changes.Record(On(March3), On(March20));

        var deltas = changes.CellDeltas;
        Assert.Equal(new CellValue(-1, 0), deltas[new CellKey("counselling-sessions", Grain.Day, March3, "kita", "", "")]);
        Assert.Equal(new CellValue(1, 0), deltas[new CellKey("counselling-sessions", Grain.Day, March20, "kita", "", "")]);
        Assert.DoesNotContain(deltas.Keys, c => c.Grain != Grain.Day);
        Assert.Equal(4, deltas.Count);
    }

    [Fact]
    public void Summing_states_day_cells_then_expanding_gives_the_sum_of_each_states_cells()
    {
        var states = new[] { March3, March20, March20 }.Select(day =>
        {
            var into = new Contributions();
            into.Add("wellbeing", day, "kayes", 12.5m, 1, ("sex", "female"));
            into.Person("returnees-reached", Guid.NewGuid(), day, "kayes");
            return into;
        }).ToList();

        var daily = new Dictionary<CellKey, CellValue>();
        var held = new Dictionary<CellKey, CellValue>();
        foreach (var state in states)
        {
            CellSums.AddAll(daily, state.Daily);
            CellSums.AddAll(held, state.Held);
        }

        var expected = new Dictionary<CellKey, CellValue>();
        foreach (var state in states) CellSums.AddAll(expected, state.Cells);
        Assert.Equal(expected.OrderBy(c => c.Key.ToString()), CellSums.Expand(daily, held).OrderBy(c => c.Key.ToString()));
        Assert.Equal(new CellValue(3, 0), expected[new CellKey("returnees-reached", Grain.Month, new DateOnly(2026, 3, 1), "kayes", "", "")]);
        Assert.Equal(new CellValue(37.5m, 3), expected[new CellKey("wellbeing", Grain.Quarter, new DateOnly(2026, 1, 1), Contributions.AllRegions, "sex", "female")]);
    }
}
