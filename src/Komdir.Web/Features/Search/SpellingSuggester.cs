using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Komdir.Web.Features.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Komdir.Web.Features.Search;

/// <summary>
/// "Mente du …?": for a word the site's pages do not contain, the nearest word they do contain, by edit distance
/// (insertions, deletions, substitutions and swapped neighbours each count 1). The vocabulary is the index's own
/// text (stored titles and texts), so a suggestion always finds something and is a real word of the site.
/// </summary>
public static class SpellingSuggester
{
    // One vocabulary per index reader: a rebuild opens a new reader, so the words follow the published content.
    private static readonly ConditionalWeakTable<IndexReader, Dictionary<string, int>> Vocabularies = new();

    /// <summary>The query with each unknown word replaced by its nearest site word; null when no word needs (or finds) one.</summary>
    public static string? Suggest(IndexSearcher searcher, IReadOnlyList<string> words)
    {
        var vocabulary = Vocabularies.GetValue(searcher.IndexReader, _ => BuildVocabulary(searcher));
        var changed = false;
        var suggested = new List<string>(words.Count);
        foreach (var word in words)
        {
            var lower = word.ToLower(CultureInfo.GetCultureInfo("da-DK"));
            if (lower.Length < 4 || vocabulary.ContainsKey(lower) || Nearest(lower, vocabulary) is not { } nearest)
            {
                suggested.Add(lower);
                continue;
            }

            suggested.Add(nearest);
            changed = true;
        }

        return changed ? string.Join(' ', suggested) : null;
    }

    /// <summary>Words of 4–7 letters may be one edit off, longer words two; ties go to the word the site uses most.</summary>
    private static string? Nearest(string word, Dictionary<string, int> vocabulary)
    {
        var allowed = word.Length <= 7 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        foreach (var (candidate, count) in vocabulary)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(word, candidate, allowed);
            if (distance <= allowed && (distance < bestDistance || (distance == bestDistance && count > bestCount)))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring), cut off above <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static Dictionary<string, int> BuildVocabulary(IndexSearcher searcher)
    {
        var danish = CultureInfo.GetCultureInfo("da-DK");
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = searcher.IndexReader;
        var all = searcher.Search(new MatchAllDocsQuery(), Math.Max(1, reader.MaxDoc));
        foreach (var hit in all.ScoreDocs)
        {
            var document = searcher.Doc(hit.Doc);
            foreach (var text in new[] { document.Get(SearchFields.StoredTitle), document.Get(SearchFields.StoredText) })
            {
                foreach (var word in Words(text ?? ""))
                {
                    var lower = word.ToLower(danish);
                    words[lower] = words.GetValueOrDefault(lower) + 1;
                }
            }
        }

        return words;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length >= 4)
            {
                yield return word.ToString();
            }

            word.Clear();
        }

        if (word.Length >= 4)
        {
            yield return word.ToString();
        }
    }
}
