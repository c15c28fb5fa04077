using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.UnitTests.Support;

public static class ProblemAssertions
{
    /// <summary>Asserts the problem is of this kind and names this field among its errors; returns the field's messages.</summary>
    public static string[] AssertField(this Problem? problem, ProblemKind kind, string field)
    {
        Assert.NotNull(problem);
        Assert.Equal(kind, problem.Kind);
        Assert.NotNull(problem.Errors);
        Assert.True(problem.Errors.TryGetValue(field, out var messages),
            $"expected an error for '{field}', got: {string.Join(", ", problem.Errors.Keys)} ({problem.Detail})");
        Assert.NotEmpty(messages);
        return messages;
    }

    /// <summary>Asserts the problem names this field and no other.</summary>
    public static string[] AssertOnlyField(this Problem? problem, ProblemKind kind, string field)
    {
        var messages = problem.AssertField(kind, field);
        Assert.Equal([field], problem!.Errors!.Keys);
        return messages;
    }
}
