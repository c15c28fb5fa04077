using CsCheck;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// Two (source, id) pairs whose plain <c>source|id</c> would be the same string: <c>S|p</c> with
/// id <c>q</c>, and <c>S</c> with id <c>p|q</c>; or whose key would be the same were only the bar
/// escaped: <c>S\</c> with id <c>p|q</c>, and <c>S|p</c> with id <c>q</c> (both <c>S\|p|q</c>).
/// They are different events; neither may be answered as a retry of the other.
/// </summary>
public static class CollidingKeys
{
    public const string Base = "urn:partner:fuzz";

    public static readonly string[] Sources = [Base, Base + "|p", Base + "\\"];

    /// <summary>A valid event posted as the first of a colliding pair, and the pair's second.</summary>
    public static readonly Gen<(FuzzEvent First, FuzzEvent Second)> Pairs =
        from valid in ValidEvents.Any()
        from shape in Gen.Int[0, 1]
        from tag in Gen.Guid
        select Pair(valid, shape, tag.ToString("N")[..12]);

    private static (FuzzEvent, FuzzEvent) Pair(PartnerEvent valid, int shape, string tag)
    {
        var (first, second) = shape == 0
            ? ((Base + "|p", tag), (Base, "p|" + tag))
            : ((Base + "|p", tag), (Base + "\\", "p|" + tag));
        return (With(valid, first), With(valid, second));
    }

    private static FuzzEvent With(PartnerEvent valid, (string Source, string Id) key)
    {
        var json = valid.ToJsonObject();
        json["source"] = key.Source;
        json["id"] = key.Id;
        return FuzzEvent.Of(PartnerEvent.FromJson(valid.Service, json), []);
    }
}
