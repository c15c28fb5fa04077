using System.Text.Json;
using Reintegration.Reporting.Facts;

namespace Reintegration.UnitTests.Reporting;

/// <summary>A BI row is written exactly as the serializer writes its columns: the views read it by name and type.</summary>
public sealed class RowJsonTests
{
    [Fact]
    public void A_row_of_every_kind_of_value_is_written_as_the_serializer_writes_it()
    {
        var columns = new Dictionary<string, object?>
        {
            ["returnee_id"] = Guid.NewGuid(), ["held_on"] = new DateOnly(2026, 3, 3), ["recorded_at"] = new DateTimeOffset(2026, 3, 3, 10, 4, 5, 120, TimeSpan.FromHours(1)).AddTicks(7),
            ["at_midnight"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), ["region"] = "kita", ["reason"] = "l'équipe \"a\" <dit> \u2028 \\ \t",
            ["duration_minutes"] = 60, ["participants"] = 12L, ["score"] = 12.50m, ["urgent_care_needed"] = true, ["erased"] = false, ["screened_on"] = null,
            ["courses_completed"] = new List<string> { "mhgap", "psychological-first-aid" }, ["vulnerabilities"] = (IReadOnlyList<string>)["single-parent"],
            ["ratio"] = 0.25,
        };

        Assert.Equal(JsonSerializer.Serialize(columns), RowJson.Serialize(columns));
    }

    [Fact]
    public void Rows_written_one_after_another_do_not_carry_anything_over()
    {
        var first = RowJson.Serialize(new Dictionary<string, object?> { ["a_long_column_name"] = "a long value, longer than the next row" });
        var second = RowJson.Serialize(new Dictionary<string, object?> { ["b"] = 1 });

        Assert.Equal("""{"a_long_column_name":"a long value, longer than the next row"}""", first);
        Assert.Equal("""{"b":1}""", second);
    }
}
