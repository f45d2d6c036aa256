using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Banenmonitor.Web.Tests;

/// <summary>axe-core in the browser: WCAG 2.0/2.1 A and AA rules; serious and critical violations fail.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Wcag21AA = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    /// <summary>The serious and critical violations on the current page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
    }

    /// <summary>No serious or critical WCAG 2.1 AA violation on the current page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var bad = await SeriousViolationsAsync(page);
        Assert.True(bad.Count == 0, $"{page.Url}: " + string.Join("\n", bad));
    }
}
