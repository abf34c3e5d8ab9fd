using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Komdir.Web.Features.Search.Analysis;

/// <summary>A language the site's texts are written in, with the stop words and Snowball stemmer of Lucene's analyzer for it.</summary>
public sealed class SearchLanguage
{
    public static SearchLanguage Danish { get; } = new("da", DanishAnalyzer.DefaultStopSet, () => new DanishStemmer());

    /// <summary>Norwegian bokmål (the sister forum's page); Lucene's Norwegian analyzer uses the same Snowball stemmer.</summary>
    public static SearchLanguage Norwegian { get; } = new("nb", NorwegianAnalyzer.DefaultStopSet, () => new NorwegianStemmer());

    public static IReadOnlyList<SearchLanguage> All { get; } = [Danish, Norwegian];

    private readonly Func<SnowballProgram> createStemmer;

    private SearchLanguage(string code, CharArraySet stopWords, Func<SnowballProgram> createStemmer)
    {
        Code = code;
        StopWords = stopWords;
        this.createStemmer = createStemmer;
    }

    /// <summary>The code used in field names and stored with each page ("da", "nb").</summary>
    public string Code { get; }

    public CharArraySet StopWords { get; }

    /// <summary>A new stemmer; Snowball programs keep state, so each token stream gets its own.</summary>
    public SnowballProgram CreateStemmer() => createStemmer();

    /// <summary>The language of a page: Norwegian for "nb", "nn" and "no", otherwise Danish.</summary>
    public static SearchLanguage ForPage(string? languageCode) =>
        languageCode?.Trim().ToLowerInvariant() switch
        {
            "nb" or "nn" or "no" or "nb-no" or "nn-no" => Norwegian,
            _ => Danish,
        };

    public static SearchLanguage FromCode(string code) => All.FirstOrDefault(l => l.Code == code) ?? Danish;
}

/// <summary>A Snowball stemmer behind a plain function, for code that stems single words outside a token stream.</summary>
public sealed class WordStemmer(SearchLanguage language)
{
    private readonly SnowballProgram stemmer = language.CreateStemmer();

    public string Stem(string lowerCaseWord)
    {
        stemmer.SetCurrent(lowerCaseWord);
        stemmer.Stem();
        return stemmer.Current;
    }
}
