using System.Text.Json.Nodes;
using CsCheck;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// One event of a fuzz case: a valid event of the simulator, perhaps mutated, as the JSON object
/// the mutations left and its wire bytes (which may hold what no JsonObject can: invalid UTF-8,
/// a lone surrogate escape, a duplicate member).
/// </summary>
public sealed record FuzzEvent(PartnerService Service, JsonObject Json, byte[] Utf8, bool HasSplices, string Original, IReadOnlyList<Mutation> Mutations)
{
    public bool Mutated => Mutations.Count > 0;

    /// <summary>The source and id as posted, where they are strings.</summary>
    public string? Source => Attribute("source");

    public string? Id => Attribute("id");

    /// <summary>
    /// An attribute as the service reads it. In binary mode attributes are headers, whose names
    /// are case-insensitive: a member renamed <c>Id</c> is still the id there.
    /// </summary>
    public string? Attribute(string name, bool ignoreCase = false)
    {
        var member = ignoreCase ? Json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value : Json[name];
        return member is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    public static FuzzEvent Of(PartnerEvent valid, IReadOnlyList<Mutation> mutations, bool keepKey = false, bool batchSafe = false, Guid? subject = null)
    {
        var json = valid.ToJsonObject();
        // A mutant about a subject of its own: any row it left would be on a stream no accepted event names.
        if (subject is { } fresh && mutations.Count > 0) json["subject"] = fresh.ToString();
        var mutated = Mutator.Apply(json, mutations, keepKey, batchSafe);
        return new FuzzEvent(valid.Service, mutated.Event, mutated.ToUtf8(), mutated.HasSplices, valid.ToString(), mutations);
    }

    /// <summary>A simulator event with zero to three mutations.</summary>
    public static Gen<FuzzEvent> Gen(bool freshSubjectForMutants = false) =>
        CsCheck.Gen.Select(ValidEvents.Any(), Mutation.Some, CsCheck.Gen.Guid,
            (valid, mutations, subject) => Of(valid, mutations, subject: freshSubjectForMutants ? subject : null));

    /// <summary>
    /// The events of one request: half the time a run of the simulator's plan (what they depend on
    /// included), half the time events drawn one by one (of any type, so some go to the wrong
    /// service); each perhaps mutated.
    /// </summary>
    public static Gen<FuzzEvent[]> Several(bool freshSubjectForMutants = false) =>
        CsCheck.Gen.OneOf(
            Gen(freshSubjectForMutants).Array[1, 8],
            from run in ValidEvents.Run()
            from mutations in Mutation.Some.Array[run.Length]
            from subjects in CsCheck.Gen.Guid.Array[run.Length]
            select run.Select((valid, i) => Of(valid, mutations[i], subject: freshSubjectForMutants ? subjects[i] : null)).ToArray());

    public override string ToString() =>
        Mutated ? $"{Original} mutated [{string.Join(", ", Mutations)}] ({Utf8.Length} bytes)" : $"{Original} (valid)";
}
