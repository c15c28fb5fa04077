using Microsoft.Playwright;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>
/// Debian's chromium, driven headless by Playwright. Playwright never downloads a browser here
/// (nothing but the package registries is reachable): the test fails, saying how to install
/// it, when chromium is missing, rather than skipping in silence.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"The dashboard's browser tests need Debian's chromium at {ExecutablePath}: run build/test.sh (it installs it when missing), or apt-get install -y chromium.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Tests run as root, where chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }

    public static BrowserNewContextOptions Desktop => new() { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-GB" };

    /// <summary>A phone-sized screen (a common 390 × 844 handset), touch and mobile layout.</summary>
    public static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
        Locale = "en-GB",
    };
}
