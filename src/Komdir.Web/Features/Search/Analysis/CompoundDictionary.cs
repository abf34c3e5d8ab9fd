using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Komdir.Web.Features.Search.Analysis;

/// <summary>
/// The words a compound may be split into: the stems of every word of four letters or more that the site's own
/// texts in one language use. Built from the corpus at every rebuild, so a new word in a new text teaches the
/// splitter a new part without anyone maintaining a word list.
/// </summary>
public sealed class CompoundDictionary
{
    public const int ShortestWord = 4;

    private readonly HashSet<string> stems;

    private CompoundDictionary(SearchLanguage language, HashSet<string> stems)
    {
        Language = language;
        this.stems = stems;
    }

    public SearchLanguage Language { get; }

    public int Count => stems.Count;

    public static CompoundDictionary Empty(SearchLanguage language) => new(language, []);

    public static CompoundDictionary Build(SearchLanguage language, IEnumerable<string> texts)
    {
        var stemmer = new WordStemmer(language);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in Words(text))
            {
                if (word.Length >= ShortestWord && word.All(char.IsLetter) && !language.StopWords.Contains(word))
                {
                    stems.Add(stemmer.Stem(word));
                }
            }
        }

        return new CompoundDictionary(language, stems);
    }

    public bool ContainsStem(string stem) => stems.Contains(stem);

    /// <summary>The text's words as the index tokenizer sees them, lower-cased.</summary>
    public static IEnumerable<string> Words(string text)
    {
        using var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(text));
        using var stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var words = new List<string>();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }
}
