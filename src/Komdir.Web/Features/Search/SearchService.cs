using Komdir.Web.Features.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Komdir.Web.Features.Search;

/// <summary>
/// Answers a reader's query from the <see cref="SearchIndex"/>: builds the Lucene query from the analysed words,
/// ranks, filters and cuts snippets.
/// </summary>
/// <remarks>
/// Each word is looked for in every language's fields, analysed the way that language's pages were: exact stems in
/// the title (weight <see cref="TitleWeight"/>) and the text, and the loose field (compound parts and roots) with a
/// small weight, so an exact word always outranks a part of a compound. Every word must match; when no page has
/// them all, pages with any of them are shown, and the page says so. Archived pages (earlier strategy periods)
/// count <see cref="ArchivedWeight"/> of their score, which puts them below current pages of similar relevance
/// while a clearly better archived page still comes first.
/// </remarks>
public sealed class SearchService(SearchIndex index, Komdir.Web.Infrastructure.KomdirMetrics metrics)
{
    public const float TitleWeight = 3f;
    public const float TextWeight = 1f;
    public const float LooseWeight = 0.35f;
    public const float ArchivedWeight = 0.6f;
    public const float PrefixWeight = 0.3f;
    public const int ShortestPrefix = 3;
    public const int MaxHits = 100;

    public SearchResponse Search(SearchRequest request)
    {
        using var measurement = metrics.MeasureSearch();
        var queryText = SearchQueryText.Parse(request.Query);
        var typeFilter = (request.Types ?? []).Where(t => SearchPageTypes.All.Contains(t)).ToHashSet();
        var periodFilter = string.IsNullOrWhiteSpace(request.Period) ? null : request.Period.Trim();

        return index.Search((searcher, corpus) =>
        {
            // The last word may be unfinished (the reader is still typing it): it also matches as a prefix.
            var wordQueries = queryText.Words.Select((word, i) => WordQuery(word, asPrefix: i == queryText.Words.Count - 1)).OfType<Query>().ToList();
            if (wordQueries.Count == 0)
            {
                return Empty(queryText.Text, corpus, matchedAllWords: true);
            }

            var matchedAllWords = true;
            var found = Find(searcher, wordQueries, requireAll: true);
            if (found.Count == 0 && wordQueries.Count > 1)
            {
                matchedAllWords = false;
                found = Find(searcher, wordQueries, requireAll: false);
            }

            var byType = found.Where(h => periodFilter is null || h.Period == periodFilter)
                .GroupBy(h => h.Type).ToDictionary(g => g.Key, g => g.Count());
            var byPeriod = found.Where(h => typeFilter.Count == 0 || typeFilter.Contains(h.Type))
                .Where(h => h.Period is not null)
                .GroupBy(h => h.Period!).ToDictionary(g => g.Key, g => g.Count());

            var queryTerms = SearchLanguage.All.ToDictionary(l => l.Code, l => MatchTerms(queryText.Words, l));
            var hits = found
                .Where(h => typeFilter.Count == 0 || typeFilter.Contains(h.Type))
                .Where(h => periodFilter is null || h.Period == periodFilter)
                .Select(h => ToHit(h, corpus, queryTerms))
                .ToList();
            // Suggested for words the site does not contain, also when a prefix or a part found something
            // ("civilsamfun" finds "civilsamfund…" as a prefix): a word the site uses is never second-guessed.
            var suggestion = SpellingSuggester.Suggest(searcher, queryText.Words);
            return new SearchResponse(queryText.Text, hits, byType, byPeriod, matchedAllWords, corpus.Periods, suggestion);
        });
    }

    private static SearchResponse Empty(string query, SearchCorpus corpus, bool matchedAllWords) =>
        new(query, [], new Dictionary<string, int>(), new Dictionary<string, int>(), matchedAllWords, corpus.Periods);

    /// <summary>One word in any language's fields: exact stems in title and text, the root in the loose field. Null for a stop word.</summary>
    private static BooleanQuery? WordQuery(string word, bool asPrefix)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var language in SearchLanguage.All)
        {
            foreach (var token in KomdirSearchAnalyzer.Analyze(SearchFieldKind.Text, language, null, word))
            {
                query.Add(Term(SearchFields.For(SearchFieldKind.Title, language), token.Term, TitleWeight), Occur.SHOULD);
                query.Add(Term(SearchFields.For(SearchFieldKind.Text, language), token.Term, TextWeight), Occur.SHOULD);
                if (asPrefix && token.Term.Length >= ShortestPrefix)
                {
                    // Weighted below every exact match, so a finished word still ranks by itself.
                    query.Add(new PrefixQuery(new Term(SearchFields.For(SearchFieldKind.Text, language), token.Term)) { Boost = PrefixWeight }, Occur.SHOULD);
                    query.Add(new PrefixQuery(new Term(SearchFields.For(SearchFieldKind.Title, language), token.Term)) { Boost = PrefixWeight }, Occur.SHOULD);
                }
            }

            foreach (var token in KomdirSearchAnalyzer.Analyze(SearchFieldKind.Loose, language, null, word))
            {
                query.Add(Term(SearchFields.For(SearchFieldKind.Loose, language), token.Term, LooseWeight), Occur.SHOULD);
            }
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    private static TermQuery Term(string field, string term, float boost) => new(new Term(field, term)) { Boost = boost };

    /// <summary>The terms a matching word has in the loose analysis: what the snippet marks.</summary>
    private static HashSet<string> MatchTerms(IReadOnlyList<string> words, SearchLanguage language) =>
        words.SelectMany(w => KomdirSearchAnalyzer.Analyze(SearchFieldKind.Loose, language, null, w)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

    private static List<FoundPage> Find(IndexSearcher searcher, List<Query> wordQueries, bool requireAll)
    {
        var query = new BooleanQuery();
        foreach (var wordQuery in wordQueries)
        {
            query.Add(wordQuery, requireAll ? Occur.MUST : Occur.SHOULD);
        }

        var top = searcher.Search(query, MaxHits);
        return top.ScoreDocs
            .Select(scoreDoc => FoundPage.From(searcher.Doc(scoreDoc.Doc), scoreDoc.Score))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.IsArchived)
            .ThenBy(p => p.Url, StringComparer.Ordinal)
            .ToList();
    }

    private static SearchHit ToHit(FoundPage page, SearchCorpus corpus, Dictionary<string, HashSet<string>> queryTerms)
    {
        var language = SearchLanguage.FromCode(page.Language);
        var dictionary = corpus.DictionaryFor(language);
        var terms = queryTerms[language.Code];
        return new SearchHit(
            page.Url,
            page.Title,
            page.Type,
            page.Period,
            page.IsArchived,
            language.Code,
            SnippetBuilder.Mark(page.Title, language, dictionary, terms),
            SnippetBuilder.Snippet(page.Text, language, dictionary, terms),
            page.Score);
    }

    private sealed record FoundPage(string Url, string Title, string Text, string Type, string? Period, bool IsArchived, string Language, float Score)
    {
        public static FoundPage From(Lucene.Net.Documents.Document document, float relevance)
        {
            var archived = document.Get(SearchFields.Archived) == "1";
            return new FoundPage(
                document.Get(SearchFields.Url),
                document.Get(SearchFields.StoredTitle),
                document.Get(SearchFields.StoredText) ?? "",
                document.Get(SearchFields.Type),
                document.Get(SearchFields.Period),
                archived,
                document.Get(SearchFields.Language),
                archived ? relevance * ArchivedWeight : relevance);
        }
    }
}
