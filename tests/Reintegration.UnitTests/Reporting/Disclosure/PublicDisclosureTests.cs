using Reintegration.Reporting.Disclosure;
using Reintegration.Reporting.Indicators;
using static Reintegration.UnitTests.Reporting.Disclosure.Figures;

namespace Reintegration.UnitTests.Reporting.Disclosure;

/// <summary>
/// Given exact figures, when they are answered in public mode (threshold 5 unless said), then
/// no cell singles a person out: small cells are null, one more where a single one could be
/// derived, and <c>suppressed</c> names them.
/// </summary>
public sealed class PublicDisclosureTests
{
    private const int Threshold = 5;

    private static Indicator WhenPublic(IndicatorFigures figures, int threshold = Threshold) => DisclosureControl.Public(figures, threshold);

    [Fact]
    public void One_small_cell_in_a_dimension_hides_the_next_smallest_too()
    {
        var given = Counts(40, ("sex", [("female", 3), ("male", 37)]), ("region", [("bamako", 12), ("kayes", 2), ("kita", 10), ("nioro", 16)]));

        var answer = WhenPublic(given);

        Assert.Equal(40, answer.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["female"] = null, ["male"] = null }, answer.Breakdown["sex"]);
        Assert.Equal(new Dictionary<string, decimal?> { ["bamako"] = 12, ["kayes"] = null, ["kita"] = null, ["nioro"] = 16 }, answer.Breakdown["region"]);
        Assert.Equal(["female", "male"], answer.Suppressed!["sex"]);
        Assert.Equal(["kayes", "kita"], answer.Suppressed["region"]);
    }

    [Fact]
    public void Two_small_cells_need_no_third()
    {
        var given = Counts(30, ("region", [("bamako", 20), ("kayes", 4), ("kita", 1), ("nioro", 5)]));

        var answer = WhenPublic(given);

        Assert.Equal(new Dictionary<string, decimal?> { ["bamako"] = 20, ["kayes"] = null, ["kita"] = null, ["nioro"] = 5 }, answer.Breakdown["region"]);
        Assert.Equal(["kayes", "kita"], answer.Suppressed!["region"]);
    }

    [Fact]
    public void A_count_at_the_threshold_and_a_zero_are_answered()
    {
        var given = Counts(5, ("sex", [("female", 5), ("male", 0)]));

        var answer = WhenPublic(given);

        Assert.Equal(5, answer.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["female"] = 5, ["male"] = 0 }, answer.Breakdown["sex"]);
        Assert.Null(answer.Suppressed);
    }

    [Fact]
    public void A_small_total_is_null_and_so_is_every_cell_under_it()
    {
        var given = Counts(4, ("sex", [("female", 1), ("male", 3)]), ("ageGroup", [("18-24", 4)]));

        var answer = WhenPublic(given);

        Assert.Null(answer.Value);
        Assert.All(answer.Breakdown.Values.SelectMany(d => d.Values), Assert.Null);
        Assert.Equal(["female", "male"], answer.Suppressed!["sex"]);
        Assert.Equal(["18-24"], answer.Suppressed["ageGroup"]);
    }

    [Fact]
    public void Zero_cells_are_never_the_complementary_cell()
    {
        // Hiding the zero would leave the 3 as derivable as before: the 12 is hidden instead.
        var given = Counts(15, ("sex", [("female", 3), ("male", 12)]), ("region", [("bamako", 3), ("kayes", 0), ("kita", 12)]));

        var answer = WhenPublic(given);

        Assert.Equal(new Dictionary<string, decimal?> { ["bamako"] = null, ["kayes"] = 0, ["kita"] = null }, answer.Breakdown["region"]);
        Assert.Equal(["bamako", "kita"], answer.Suppressed!["region"]);
    }

    [Fact]
    public void A_single_small_cell_with_no_other_cell_to_hide_stays_hidden_alone()
    {
        // A dimension whose cells need not sum to the total (a returnee has several vulnerabilities or none).
        var given = Counts(50, ("vulnerability", [("disability", 2)]));

        var answer = WhenPublic(given);

        Assert.Equal(50, answer.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["disability"] = null }, answer.Breakdown["vulnerability"]);
        Assert.Equal(["disability"], answer.Suppressed!["vulnerability"]);
    }

    [Fact]
    public void Ties_for_the_next_smallest_hide_the_first_key_in_ordinal_order_only()
    {
        var given = Counts(50, ("region", [("segou", 15), ("bamako", 2), ("kita", 9), ("kayes", 9), ("mopti", 15)]));

        var answer = WhenPublic(given);

        Assert.Equal(["bamako", "kayes"], answer.Suppressed!["region"].Order(StringComparer.Ordinal));
        Assert.Equal(9, answer.Breakdown["region"]["kita"]);
    }

    [Fact]
    public void Everything_small_is_all_null()
    {
        var given = Counts(3, ("sex", [("female", 1), ("male", 2)]), ("region", [("kita", 3)])).WithSeries(("2026-01", 1), ("2026-02", 2));

        var answer = WhenPublic(given);

        Assert.Null(answer.Value);
        Assert.All(answer.Breakdown.Values.SelectMany(d => d.Values), Assert.Null);
        Assert.All(answer.Series!, p => Assert.Null(p.Value));
        Assert.Equal(["female", "male"], answer.Suppressed!["sex"]);
        Assert.Equal(["kita"], answer.Suppressed["region"]);
        Assert.Equal(["2026-01", "2026-02"], answer.Suppressed[DisclosureControl.SeriesDimension]);
    }

    [Fact]
    public void A_small_series_period_hides_the_next_smallest_period_too_and_is_named_in_suppressed_under_series()
    {
        var given = Counts(40).WithSeries(("2026-01", 12), ("2026-02", 3), ("2026-03", 0), ("2026-04", 10), ("2026-05", 15));

        var answer = WhenPublic(given);

        Assert.Equal([12, null, 0, null, 15], answer.Series!.Select(p => p.Value));
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"], answer.Series!.Select(p => p.Period));
        Assert.Equal(["2026-02", "2026-04"], answer.Suppressed![DisclosureControl.SeriesDimension]);
    }

    [Fact]
    public void A_share_whose_numerator_is_small_is_null_with_its_numerator_and_denominator()
    {
        var given = Shares((3, 40), ("sex", [("female", (1, 15)), ("male", (2, 25))]));

        var answer = WhenPublic(given);

        Assert.Null(answer.Value);
        Assert.Null(answer.Numerator);
        Assert.Null(answer.Denominator);
        Assert.Equal(["female", "male"], answer.Suppressed!["sex"]);
    }

    [Fact]
    public void A_share_over_few_hides_the_share_over_the_next_fewest()
    {
        var given = Shares((30, 60), ("region", [("bamako", (10, 20)), ("kayes", (5, 6)), ("kita", (10, 30)), ("nioro", (2, 4))]));

        var answer = WhenPublic(given);

        Assert.Equal(50.0m, answer.Value);
        Assert.Equal(30, answer.Numerator);
        Assert.Equal(60, answer.Denominator);
        // nioro: 2 of 4 is small twice over; kayes: 5 of 6 is not small, but its denominator is the next smallest.
        Assert.Equal(new Dictionary<string, decimal?> { ["bamako"] = 50.0m, ["kayes"] = null, ["kita"] = 33.3m, ["nioro"] = null }, answer.Breakdown["region"]);
    }

    [Fact]
    public void A_share_over_nobody_has_no_value_and_is_not_called_suppressed()
    {
        var given = Shares((0, 0));

        var answer = WhenPublic(given);

        Assert.Null(answer.Value);
        Assert.Equal(0, answer.Denominator);
        Assert.Null(answer.Suppressed);
    }

    [Fact]
    public void A_mean_over_few_is_null()
    {
        var given = Means((120, 40), ("course", [("mhgap", (48, 4)), ("case-management", (72, 36))]));

        var answer = WhenPublic(given);

        Assert.Equal(3.0m, answer.Value);
        Assert.Null(answer.Numerator); // means carry no numerator or denominator, in either mode
        Assert.Equal(new Dictionary<string, decimal?> { ["mhgap"] = null, ["case-management"] = null }, answer.Breakdown["course"]);
    }

    [Fact]
    public void A_mean_whose_sum_is_below_the_threshold_is_null_as_the_catalogue_says_of_its_numerator()
    {
        var given = Means((3, 30));

        Assert.Null(WhenPublic(given).Value);
    }

    [Fact]
    public void The_threshold_is_the_configured_one()
    {
        var given = Counts(40, ("sex", [("female", 7), ("male", 33)]));

        Assert.Null(WhenPublic(given, threshold: 10).Breakdown["sex"]["female"]);
        Assert.Equal(7, WhenPublic(given, threshold: 5).Breakdown["sex"]["female"]);
    }

    [Fact]
    public void Detail_answers_every_cell_and_suppresses_nothing()
    {
        var given = Counts(4, ("sex", [("female", 1), ("male", 3)])).WithSeries(("2026-01", 4));

        var answer = DisclosureControl.Apply(given, DisclosureMode.Detail, Threshold);

        Assert.Equal(4, answer.Value);
        Assert.Equal(1, answer.Breakdown["sex"]["female"]);
        Assert.Equal(4, answer.Series!.Single().Value);
        Assert.Null(answer.Suppressed);
    }

    [Fact]
    public void The_target_is_answered_in_public_mode()
    {
        var given = Counts(3) with { Target = 5000 };

        Assert.Equal(5000, WhenPublic(given).Target);
    }
}
