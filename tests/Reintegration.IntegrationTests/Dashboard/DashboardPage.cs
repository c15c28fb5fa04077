using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>The dashboard as a reader sees it: what its cards, tables and series show, read from the page.</summary>
public sealed class DashboardPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Waits until the page shows the figures of <paramref name="query"/> (what it sent to /indicators).</summary>
    public Task ReadyForAsync(string query) =>
        Page.WaitForSelectorAsync($"body[data-state=ready][data-query=\"{query}\"]", new PageWaitForSelectorOptions { Timeout = 30_000 });

    /// <summary>
    /// Every figure on the page, one line each: <c>code = text</c> for a headline card,
    /// <c>code / dimension / key = text</c> for a breakdown cell, <c>code @ period = text</c>
    /// for a month. Text as shown, e.g. <c>1,234</c> or <c>withheld</c>.
    /// </summary>
    public async Task<IReadOnlyList<string>> FiguresShownAsync() =>
        (await Page.EvaluateAsync<string[]>("""
            () => [
              ...[...document.querySelectorAll("[data-indicator]")].map(card =>
                `${card.dataset.indicator} = ${card.querySelector("[data-figure]").textContent}`),
              ...[...document.querySelectorAll("article[data-code] tr[data-dimension]")].map(row =>
                `${row.closest("article").dataset.code} / ${row.dataset.dimension} / ${row.dataset.key} = ${row.querySelector("[data-figure]").textContent}`),
              ...[...document.querySelectorAll("article[data-code] tr[data-period]")].map(row =>
                `${row.closest("article").dataset.code} @ ${row.dataset.period} = ${row.querySelector("[data-figure]").textContent}`),
            ]
            """)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The same lines made from an /indicators answer, as the page must show them.</summary>
    public static IReadOnlyList<string> FiguresIn(JsonObject report)
    {
        var lines = new List<string>();
        foreach (var indicator in report["indicators"]!.AsArray().Select(i => i!.AsObject()))
        {
            var code = (string)indicator["code"]!;
            lines.Add($"{code} = {Shown(indicator["value"])}");
            var breakdown = indicator["breakdown"]?.AsObject() ?? [];
            var suppressed = indicator["suppressed"]?.AsObject() ?? [];
            foreach (var dimension in breakdown.Select(d => d.Key).Union(suppressed.Select(d => d.Key)))
            {
                var cells = breakdown[dimension]?.AsObject().ToDictionary(c => c.Key, c => c.Value) ?? [];
                foreach (var key in suppressed[dimension]?.AsArray().Select(k => (string)k!) ?? []) cells.TryAdd(key, null);
                lines.AddRange(cells.Select(c => $"{code} / {dimension} / {c.Key} = {Shown(c.Value)}"));
            }

            foreach (var entry in indicator["series"]?.AsArray() ?? [])
                lines.Add($"{code} @ {(string)entry!["period"]!} = {Shown(entry["value"])}");
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A figure as the page writes it: grouped thousands, at most one decimal; a suppressed (null) cell as "withheld".</summary>
    private static string Shown(JsonNode? value) =>
        value is null ? "withheld" : value.GetValue<decimal>().ToString("#,0.#", CultureInfo.InvariantCulture);

    public async Task AssertShowsAsync(JsonObject report)
    {
        var expected = FiguresIn(report);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FiguresShownAsync());
    }
}
