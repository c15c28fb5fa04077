using CsCheck;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>What a mutation does to one member of an event (envelope or data, at any depth).</summary>
public enum MutationKind
{
    Drop,
    Rename,
    Retype,
    Null,
    WrongCode,
    OutOfRangeNumber,
    BadDate,
    HugeString,
    Nul,
    ControlCharacter,
    LoneSurrogate,
    InvalidUtf8,
    DuplicateMember,
    DeepNesting,
    LongSource,
    WrongType,
    BadSubject,
    BadSpecVersion,
    BadDataContentType,
    ExtensionAttribute,
    TimeOutOfRange,
}

/// <summary>
/// One mutation, drawn by CsCheck (so it shrinks): its kind, which member it hits (an index into
/// the event's members, taken modulo their number) and which variant of the kind.
/// </summary>
public sealed record Mutation(MutationKind Kind, int Target, int Variant)
{
    public static readonly Gen<Mutation> Any =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Int[0, 10_000], Gen.Int[0, 1_000], (kind, target, variant) => new Mutation(kind, target, variant));

    /// <summary>None for two events in five (they reach the decisions and the store), else one to three.</summary>
    public static readonly Gen<Mutation[]> Some = Gen.Frequency((2, Gen.Const(Array.Empty<Mutation>())), (3, Any.Array[1, 3]));

    /// <summary>One to three mutations.</summary>
    public static readonly Gen<Mutation[]> AtLeastOne = Any.Array[1, 3];

    public override string ToString() => $"{Kind}#{Target}/{Variant}";
}
