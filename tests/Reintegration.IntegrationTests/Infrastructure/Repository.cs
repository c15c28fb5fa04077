namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from: the first folder above the test binaries that holds <c>Reintegration.slnx</c>.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Reintegration.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Reintegration.slnx above {AppContext.BaseDirectory}.");
    }
}
