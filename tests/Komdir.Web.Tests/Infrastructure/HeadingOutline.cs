using AngleSharp.Dom;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>Checks a page's heading structure as WCAG wants it: one h1, first, and no level skipped on the way down.</summary>
public static class HeadingOutline
{
    /// <summary>The levels of heading elements (h1–h6), in document order.</summary>
    public static IReadOnlyList<int> Levels(IEnumerable<IElement> headings) =>
        headings.Select(e => e.TagName[1] - '0').ToList();

    public static IReadOnlyList<int> Levels(IParentNode root) => Levels(root.QuerySelectorAll("h1, h2, h3, h4, h5, h6"));

    public static void AssertWellFormed(IReadOnlyList<int> levels, string where)
    {
        Assert.True(levels.Count(l => l == 1) == 1, $"{where}: expected exactly one h1, found the levels [{string.Join(", ", levels)}].");
        Assert.True(levels[0] == 1, $"{where}: the first heading must be the h1, found the levels [{string.Join(", ", levels)}].");
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"{where}: heading level skipped (h{levels[i - 1]} then h{levels[i]}) in [{string.Join(", ", levels)}].");
        }
    }
}
