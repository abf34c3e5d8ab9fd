using System.Text.RegularExpressions;
using Komdir.Web.Features.Search.Analysis;

namespace Komdir.Web.Features.Search;

/// <summary>
/// Cuts a snippet from a page's plain text around the words that matched, and marks them. Words are compared as the
/// index compares them (stemmed, compound parts, æ/ø/å folded), so "velfaerd" marks "velfærdsmodellen" and
/// "rekruttering" marks "rekruttere". The segments are plain text: the page encodes them and wraps matches in mark.
/// </summary>
public static partial class SnippetBuilder
{
    public const int SnippetLength = 240;
    private const int ContextBefore = 60;

    /// <summary>The whole <paramref name="text"/> (a title) with its matching words marked.</summary>
    public static IReadOnlyList<TextSegment> Mark(string text, SearchLanguage language, CompoundDictionary dictionary, IReadOnlySet<string> queryTerms) =>
        Segments(text, Matches(text, language, dictionary, queryTerms), 0, text.Length);

    /// <summary>About <see cref="SnippetLength"/> characters of <paramref name="text"/> around the best cluster of matches.</summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, SearchLanguage language, CompoundDictionary dictionary, IReadOnlySet<string> queryTerms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var matches = Matches(text, language, dictionary, queryTerms);
        var start = matches.Count == 0 ? 0 : WindowStart(text, BestAnchor(matches));
        var end = WindowEnd(text, start);
        var segments = Segments(text, matches, start, end).ToList();
        if (start > 0)
        {
            segments.Insert(0, new TextSegment("… ", false));
        }

        if (end < text.Length)
        {
            segments.Add(new TextSegment(" …", false));
        }

        return segments;
    }

    /// <summary>Character ranges of the words whose analysed terms (or compound parts) are among the query's.</summary>
    private static List<(int Start, int End)> Matches(string text, SearchLanguage language, CompoundDictionary dictionary, IReadOnlySet<string> queryTerms)
    {
        var ranges = new List<(int Start, int End)>();
        if (queryTerms.Count == 0)
        {
            return ranges;
        }

        foreach (var token in KomdirSearchAnalyzer.Analyze(SearchFieldKind.Loose, language, dictionary, text))
        {
            if (queryTerms.Contains(token.Term) && (ranges.Count == 0 || ranges[^1].Start != token.StartOffset))
            {
                ranges.Add((token.StartOffset, token.EndOffset));
            }
        }

        return ranges;
    }

    /// <summary>The match that starts the window holding the most matches; the earliest of equals.</summary>
    private static int BestAnchor(List<(int Start, int End)> matches)
    {
        var best = matches[0].Start;
        var bestCount = 0;
        foreach (var (anchor, _) in matches)
        {
            var count = matches.Count(m => m.Start >= anchor && m.End <= anchor + SnippetLength - ContextBefore);
            if (count > bestCount)
            {
                best = anchor;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>Starts a little before the anchor, at a word boundary, or at a sentence or paragraph start close by.</summary>
    private static int WindowStart(string text, int anchor)
    {
        if (anchor <= ContextBefore)
        {
            return 0;
        }

        var start = anchor - ContextBefore;
        var paragraph = text.LastIndexOf('\n', anchor - 1, anchor - start);
        if (paragraph >= 0)
        {
            return paragraph + 1;
        }

        while (start < anchor && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }

        return start;
    }

    private static int WindowEnd(string text, int start)
    {
        var end = Math.Min(text.Length, start + SnippetLength);
        while (end < text.Length && end > start && !char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        return end == start ? Math.Min(text.Length, start + SnippetLength) : end;
    }

    private static IReadOnlyList<TextSegment> Segments(string text, List<(int Start, int End)> matches, int start, int end)
    {
        var segments = new List<TextSegment>();
        var position = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchStart < position || matchEnd > end)
            {
                continue;
            }

            if (matchStart > position)
            {
                segments.Add(new TextSegment(Flatten(text[position..matchStart]), false));
            }

            segments.Add(new TextSegment(text[matchStart..matchEnd], true));
            position = matchEnd;
        }

        if (position < end)
        {
            segments.Add(new TextSegment(Flatten(text[position..end]), false));
        }

        return segments;
    }

    /// <summary>Paragraph breaks and list lines become single spaces in a one-paragraph snippet.</summary>
    private static string Flatten(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
