using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Komdir.Web.Features.Search.Analysis;

/// <summary>
/// The analysis of every search field; a field's name says its language and kind (see <see cref="SearchFields"/>).
/// </summary>
/// <remarks>
/// Exact fields (title, text): Unicode word tokenizer → lower case → the language's stop words → its Snowball
/// stemmer → æ/ø/å to ae/oe/aa → other accents removed. Loose field: the same, with compound parts added before
/// stemming and verbal-noun endings removed after it. Query text goes through the same chain, without compound
/// splitting (an analyzer built with no dictionaries): a query for "samfund" should find "civilsamfund", but a
/// query for "civilsamfund" should not be diluted into "civil" and "samfund".
/// </remarks>
public sealed class KomdirSearchAnalyzer(IReadOnlyDictionary<string, CompoundDictionary>? compoundDictionaries = null)
    : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var (kind, language) = SearchFields.Parse(fieldName);
        var (tokenizer, stream) = CreateChain(kind, language, compoundDictionaries?.GetValueOrDefault(language.Code), reader);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The chain of one field kind and language; <paramref name="dictionary"/> turns on compound splitting in the loose field.</summary>
    public static (Tokenizer Tokenizer, TokenStream Stream) CreateChain(SearchFieldKind kind, SearchLanguage language, CompoundDictionary? dictionary, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, language.StopWords);
        if (kind == SearchFieldKind.Loose && dictionary is not null)
        {
            stream = new CompoundPartsFilter(stream, dictionary);
        }

        if (language.Code == "da")
        {
            // Before the stemmer: words it would wrongly merge keep their own stem (marked as keywords, so it skips them).
            stream = new StemmerOverrideFilter(stream, DanishStemOverrides);
        }

        stream = new SnowballFilter(stream, language.CreateStemmer());
        if (kind == SearchFieldKind.Loose)
        {
            stream = new DerivationalRootFilter(stream);
        }

        stream = new LetterFoldingFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return (tokenizer, stream);
    }

    /// <summary>
    /// Danish words the Snowball stemmer collides with unrelated words: it undoubles the final consonant, so
    /// "presse" (the press) became "pres" (pressure) and a search for "presse" found "under pres".
    /// </summary>
    private static readonly StemmerOverrideFilter.StemmerOverrideMap DanishStemOverrides = BuildDanishStemOverrides();

    private static StemmerOverrideFilter.StemmerOverrideMap BuildDanishStemOverrides()
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var form in new[] { "presse", "pressen", "pressens", "pressers", "presserne", "pressernes" })
        {
            builder.Add(form, "presse");
        }

        return builder.Build();
    }

    /// <summary>The terms and character offsets of <paramref name="text"/> as the chain makes them.</summary>
    public static IReadOnlyList<AnalyzedToken> Analyze(SearchFieldKind kind, SearchLanguage language, CompoundDictionary? dictionary, string text)
    {
        var tokens = new List<AnalyzedToken>();
        var (_, stream) = CreateChain(kind, language, dictionary, new StringReader(text));
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
            }

            stream.End();
        }

        return tokens;
    }
}

/// <summary>One term the analysis made, with where its word stands in the text.</summary>
public readonly record struct AnalyzedToken(string Term, int StartOffset, int EndOffset);

public enum SearchFieldKind
{
    Title,
    Text,
    Loose,
}

/// <summary>Names of the index fields. Analysed fields exist once per language: "title_da", "text_nb", "loose_da".</summary>
public static class SearchFields
{
    public const string Key = "key";
    public const string Url = "url";
    public const string Type = "type";
    public const string Period = "period";
    public const string PeriodStartYear = "periodStart";
    public const string Archived = "archived";
    public const string Language = "lang";
    public const string StoredTitle = "storedTitle";
    public const string StoredText = "storedText";

    public static string For(SearchFieldKind kind, SearchLanguage language) => $"{kind.ToString().ToLowerInvariant()}_{language.Code}";

    public static (SearchFieldKind Kind, SearchLanguage Language) Parse(string fieldName)
    {
        var separator = fieldName.IndexOf('_');
        if (separator < 0 || !Enum.TryParse<SearchFieldKind>(fieldName[..separator], ignoreCase: true, out var kind))
        {
            return (SearchFieldKind.Text, SearchLanguage.Danish);
        }

        return (kind, SearchLanguage.FromCode(fieldName[(separator + 1)..]));
    }
}
