namespace Komdir.Web.Features.Search;

/// <summary>What the reader asked for: the words, and the type and period filters (empty means all).</summary>
public sealed record SearchRequest(string? Query, IReadOnlyList<string>? Types = null, string? Period = null);

/// <summary>A piece of a title or snippet; <see cref="IsMatch"/> pieces are shown marked.</summary>
public sealed record TextSegment(string Text, bool IsMatch);

public sealed record SearchHit(
    string Url,
    string Title,
    string Type,
    string? Period,
    bool IsArchived,
    string Language,
    IReadOnlyList<TextSegment> TitleSegments,
    IReadOnlyList<TextSegment> Snippet,
    float Score);

/// <param name="Query">The query as used (trimmed and shortened).</param>
/// <param name="Hits">The filtered hits, best first.</param>
/// <param name="TypeCounts">Hits per type before the type filter (after the period filter).</param>
/// <param name="PeriodCounts">Hits per period before the period filter (after the type filter).</param>
/// <param name="MatchedAllWords">False when no page had every word and pages with some of them are shown.</param>
/// <param name="Periods">Every period pages belong to, for the period filter.</param>
/// <param name="Suggestion">"Mente du …?": the query with misspelt words replaced by the site's nearest words; null when none.</param>
public sealed record SearchResponse(
    string Query,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, int> TypeCounts,
    IReadOnlyDictionary<string, int> PeriodCounts,
    bool MatchedAllWords,
    IReadOnlyList<SearchPeriodOption> Periods,
    string? Suggestion = null)
{
    public bool IsEmptyQuery => Query.Length == 0;
}
