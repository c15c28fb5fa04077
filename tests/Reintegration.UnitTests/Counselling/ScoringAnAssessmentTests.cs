using Reintegration.Counselling.Assessments;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Counselling.CounsellingEvents;

namespace Reintegration.UnitTests.Counselling;

/// <summary>The catalogue's scoring table, at every band boundary of every instrument.</summary>
public sealed class ScoringAnAssessmentTests
{
    /// <summary>Responses of <paramref name="items"/> items in <paramref name="min"/>..<paramref name="max"/> adding up to <paramref name="sum"/>.</summary>
    private static int[] Adding(int sum, int items, int min, int max)
    {
        var responses = Enumerable.Repeat(min, items).ToArray();
        var rest = sum - min * items;
        for (var i = 0; i < items && rest > 0; i++)
        {
            var add = Math.Min(max - min, rest);
            responses[i] += add;
            rest -= add;
        }

        Assert.Equal(0, rest);
        return responses;
    }

    private static AssessmentRecorded Scored(string instrument, int[] responses) =>
        RecordAssessment.CommandOf(Assessments.Prepare(Assessment(Guid.NewGuid(), AssessmentData(Guid.NewGuid(), instrument, responses))).Pending!);

    [Theory]
    [InlineData(0, 0, "poor")]
    [InlineData(12, 48, "poor")]
    [InlineData(13, 52, "adequate")]
    [InlineData(25, 100, "adequate")]
    public void Who5_is_the_raw_sum_times_4_poor_below_52(int raw, int score, string band)
    {
        var scored = Scored("who-5", Adding(raw, 5, 0, 5));
        Assert.Equal((score, band), (scored.Score, scored.Band));
    }

    [Theory]
    [InlineData(0, "minimal")] [InlineData(4, "minimal")] [InlineData(5, "mild")] [InlineData(9, "mild")]
    [InlineData(10, "moderate")] [InlineData(14, "moderate")] [InlineData(15, "moderately-severe")] [InlineData(19, "moderately-severe")]
    [InlineData(20, "severe")] [InlineData(27, "severe")]
    public void Phq9_is_the_sum_in_five_bands(int sum, string band)
    {
        var scored = Scored("phq-9", Adding(sum, 9, 0, 3).Reverse().ToArray());
        Assert.Equal((sum, band), (scored.Score, scored.Band));
    }

    [Theory]
    [InlineData(0, "minimal")] [InlineData(4, "minimal")] [InlineData(5, "mild")] [InlineData(9, "mild")]
    [InlineData(10, "moderate")] [InlineData(14, "moderate")] [InlineData(15, "severe")] [InlineData(21, "severe")]
    public void Gad7_is_the_sum_in_four_bands(int sum, string band)
    {
        var scored = Scored("gad-7", Adding(sum, 7, 0, 3));
        Assert.Equal((sum, band), (scored.Score, scored.Band));
    }

    [Theory]
    [InlineData(10, "low")] [InlineData(15, "low")] [InlineData(16, "moderate")] [InlineData(21, "moderate")]
    [InlineData(22, "high")] [InlineData(29, "high")] [InlineData(30, "very-high")] [InlineData(50, "very-high")]
    public void K10_is_the_sum_of_items_scored_1_to_5_in_four_bands(int sum, string band)
    {
        var scored = Scored("k10", Adding(sum, 10, 1, 5));
        Assert.Equal((sum, band), (scored.Score, scored.Band));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void Only_a_phq9_with_item_9_above_0_raises_a_risk_flag(int item9, bool flag)
    {
        Assert.Equal(flag, Scored("phq-9", [0, 0, 0, 0, 0, 0, 0, 0, item9]).RaisesRiskFlag);
        Assert.False(Scored("k10", [1, 1, 1, 1, 1, 1, 1, 1, 3, 3]).RaisesRiskFlag);
    }

    [Theory]
    [InlineData("who-5", 4)]
    [InlineData("who-5", 6)]
    [InlineData("phq-9", 8)]
    [InlineData("gad-7", 9)]
    [InlineData("k10", 0)]
    public void A_wrong_number_of_items_is_named(string instrument, int count) =>
        Assessments.Prepare(Assessment(Guid.NewGuid(), AssessmentData(Guid.NewGuid(), instrument, Enumerable.Repeat(1, count).ToArray()))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, "data.responses");

    [Theory]
    [InlineData("who-5", 2, 6)]
    [InlineData("who-5", 0, -1)]
    [InlineData("phq-9", 8, 4)]
    [InlineData("gad-7", 6, 4)]
    [InlineData("k10", 3, 0)]
    [InlineData("k10", 9, 6)]
    public void An_item_out_of_range_is_named_by_its_index(string instrument, int index, int value)
    {
        var responses = Enumerable.Repeat(instrument == "k10" ? 1 : 0, Instruments.ByCode[instrument].Items).ToArray();
        responses[index] = value;
        Assessments.Prepare(Assessment(Guid.NewGuid(), AssessmentData(Guid.NewGuid(), instrument, responses))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, $"data.responses[{index}]");
    }

    [Fact]
    public void A_score_sent_by_the_partner_is_refused()
    {
        var data = AssessmentData(Guid.NewGuid(), "who-5", 3, 3, 3, 3, 3);
        data["score"] = 60;
        Assessments.Prepare(Assessment(Guid.NewGuid(), data)).Problem.AssertOnlyField(ProblemKind.InvalidData, "data.score");
    }

    [Theory]
    [InlineData("phq9")]
    [InlineData("WHO-5")]
    [InlineData("pcl-5")]
    public void An_instrument_not_in_the_catalogue_is_named(string instrument) =>
        Assessments.Prepare(Assessment(Guid.NewGuid(), AssessmentData(Guid.NewGuid(), instrument, 1, 1, 1, 1, 1))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, "data.instrument");

    [Fact]
    public void An_item_that_is_not_an_integer_is_named()
    {
        var data = AssessmentData(Guid.NewGuid(), "who-5", 3, 3, 3, 3, 3);
        data["responses"]![2] = 2.5;
        Assert.StartsWith("data.responses", Assessments.Prepare(Assessment(Guid.NewGuid(), data)).Problem!.Errors!.Keys.Single());
    }
}
