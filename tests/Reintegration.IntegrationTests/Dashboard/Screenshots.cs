namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>
/// Where the browser tests leave their screenshots for a person to look at: TestResults/dashboard
/// at the repository root (DASHBOARD_SCREENSHOTS overrides it).
/// </summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } given
            ? given
            : Path.Combine(RepositoryRoot(), "TestResults", "dashboard");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Reintegration.slnx"))) return directory.FullName;
        return AppContext.BaseDirectory;
    }
}
