using System.Reflection;
using JasperFx.Events;
using Reintegration.Reporting.Rebuilds;

namespace Reintegration.UnitTests.Reporting;

/// <summary>An event the rebuild reads from the log is the one JasperFx's constructor makes, but for the random id the reader overwrites.</summary>
public sealed class LoggedEventsTests
{
    [Fact]
    public void An_event_read_back_holds_what_the_constructor_sets_but_a_random_id()
    {
        var data = new Payload("counselling-session-recorded");

        var read = LoggedEvents.Of(data);
        var made = new Event<Payload>(data);

        Assert.Equal(Guid.Empty, read.Id);
        Assert.NotEqual(Guid.Empty, made.Id);
        foreach (var field in typeof(Event<Payload>).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            if (field.Name != "<Id>k__BackingField")
                Assert.True(Equals(field.GetValue(made), field.GetValue(read)), $"{field.Name}: constructed {field.GetValue(made)}, read back {field.GetValue(read)}");
    }

    public sealed record Payload(string Type);
}
