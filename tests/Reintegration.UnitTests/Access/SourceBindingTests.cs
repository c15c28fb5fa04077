using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.UnitTests.Access;

public sealed class ChoosingTheSourceOfADeskWriteTests
{
    private static Caller With(params string[] sources) => new("desk", new HashSet<string> { Scopes.ReturneesWrite }, sources.ToHashSet());

    [Fact]
    public void Given_one_source_in_the_token_when_none_is_named_then_it_is_that_one() =>
        Assert.Equal(("urn:partner:a", null), SourceBinding.Resolve(With("urn:partner:a"), null));

    [Fact]
    public void Given_several_sources_when_one_of_them_is_named_then_it_is_used() =>
        Assert.Equal("urn:partner:b", SourceBinding.Resolve(With("urn:partner:a", "urn:partner:b"), "urn:partner:b").Source);

    [Fact]
    public void Given_several_sources_when_none_is_named_then_the_caller_is_asked_to_name_one() =>
        Assert.Equal(ProblemKind.InvalidQuery, SourceBinding.Resolve(With("urn:partner:a", "urn:partner:b"), null).Problem?.Kind);

    [Fact]
    public void Given_any_token_when_a_source_it_does_not_list_is_named_then_it_is_forbidden() =>
        Assert.Equal(ProblemKind.ForbiddenSource, SourceBinding.Resolve(With("urn:partner:a"), "urn:partner:z").Problem?.Kind);

    [Fact]
    public void Given_a_token_with_no_sources_then_no_desk_write_can_be_made() =>
        Assert.Equal(ProblemKind.ForbiddenSource, SourceBinding.Resolve(With(), null).Problem?.Kind);
}
