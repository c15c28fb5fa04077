using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Checks an integration event against its contract before a consumer lets it near its store:
/// the contracts are records whose nullable annotations are the contract (a member not marked
/// nullable must be there), ids are not empty, times are set, and the members that carry a
/// catalogue code hold one. A message that deserialised with holes (an older or broken
/// publisher, a hand-made message) is refused with its reasons instead of being stored and
/// breaking every answer computed from it later.
/// </summary>
public static class IntegrationContract
{
    /// <summary>Members holding catalogue codes, by name, in every contract.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> CodeMembers = new Dictionary<string, IReadOnlySet<string>>
    {
        ["Sex"] = Codes.Sexes,
        ["Region"] = Codes.Regions,
        ["ReturnedFrom"] = Codes.Countries,
        ["AgeGroup"] = new HashSet<string>(StringComparer.Ordinal) { AgeGroup.Of(0), AgeGroup.Of(18), AgeGroup.Of(25), AgeGroup.Of(60) },
    };

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(PropertyInfo Property, bool Nullable)>> Members = new();

    /// <summary>What is wrong with <paramref name="message"/>, member by member; empty when it keeps its contract.</summary>
    public static IReadOnlyList<string> Violations(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var violations = new List<string>();
        foreach (var (property, nullable) in Members.GetOrAdd(message.GetType(), Describe))
        {
            var value = property.GetValue(message);
            var name = property.Name;
            switch (value)
            {
                case null when !nullable:
                    violations.Add($"{name} is missing");
                    break;
                case Guid id when id == Guid.Empty && !nullable:
                    violations.Add($"{name} is empty");
                    break;
                case DateTimeOffset time when time == default:
                    violations.Add($"{name} is not set");
                    break;
                case DateOnly date when date == default:
                    violations.Add($"{name} is not set");
                    break;
                case string text when CodeMembers.TryGetValue(name, out var codes) && !codes.Contains(text):
                    violations.Add($"{name} '{Shorten(text)}' is not a catalogue code");
                    break;
                case IEnumerable items and not string:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is null) violations.Add($"{name}[{index}] is missing");
                        else if (item.GetType().Assembly == message.GetType().Assembly)
                            violations.AddRange(Violations(item).Select(v => $"{name}[{index}].{v}"));
                        index++;
                    }

                    break;
            }
        }

        return violations;
    }

    private static IReadOnlyList<(PropertyInfo, bool)> Describe(Type type)
    {
        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (p, Nullable(context, p)))
            .ToList();
    }

    private static bool Nullable(NullabilityInfoContext context, PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? System.Nullable.GetUnderlyingType(property.PropertyType) is not null
            : context.Create(property).ReadState != NullabilityState.NotNull;

    // A reason may be logged and kept with the dead letter: never a long value from a message.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
