namespace Komdir.Web.Features.Search;

/// <summary>One published page as the search index holds it.</summary>
/// <param name="Name">The node's name, often worded differently from the title; searched with the title, not shown.</param>
/// <param name="Type">The friendly Danish type shown and filtered on, see <see cref="SearchPageTypes"/>.</param>
/// <param name="Period">The years of the page's strategy period ("2025-2027"), or null.</param>
/// <param name="IsArchived">True when the page belongs to a strategy period that is no longer the current one.</param>
/// <param name="Language">"da" or "nb".</param>
/// <param name="Text">The page's text without markup, for matching and snippets.</param>
public sealed record SearchDocument(
    Guid Key,
    string Url,
    string Title,
    string Name,
    string Text,
    string Type,
    string? Period,
    int? PeriodStartYear,
    bool IsArchived,
    string Language);

/// <summary>The types a reader can filter on, in the order the filter shows them.</summary>
public static class SearchPageTypes
{
    public const string FocusArea = "Fokusområde";
    public const string StrategyPeriod = "Strategiperiode";
    public const string PositionPaper = "Debatoplæg";
    public const string GuidingPrinciple = "Pejlemærke";
    public const string Page = "Side";

    public static IReadOnlyList<string> All { get; } = [FocusArea, StrategyPeriod, PositionPaper, GuidingPrinciple, Page];
}
