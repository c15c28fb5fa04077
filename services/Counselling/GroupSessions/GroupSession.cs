using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Counselling.GroupSessions;

/// <summary>A group session as Counselling knows it: held once, as first told.</summary>
public sealed record GroupSession(GroupSessionHeld Held) : IStreamState<GroupSession>
{
    public long Version { get; set; }

    public static GroupSession? Fold(GroupSession? state, Guid streamId, object @event) => @event switch
    {
        GroupSessionHeld held when state is null => new GroupSession(held),
        _ => state,
    };

    /// <summary>Two reports of the same session agree on everything but the partner's source.</summary>
    public bool SameAs(GroupSessionHeld other) =>
        Held.Time == other.Time && Held.Topic == other.Topic && Held.Facilitator == other.Facilitator && Held.DurationMinutes == other.DurationMinutes
        && Held.Region == other.Region && Held.Participants.SequenceEqual(other.Participants);
}
