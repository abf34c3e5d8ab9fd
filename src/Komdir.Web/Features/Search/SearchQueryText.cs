using System.Text.RegularExpressions;

namespace Komdir.Web.Features.Search;

/// <summary>
/// What a reader typed, made safe: at most <see cref="MaxLength"/> characters and <see cref="MaxWords"/> words,
/// and only the words. Quotes, brackets, wildcards and every other Lucene operator are not syntax here: the query is
/// built from the words, never parsed, so no input can produce a parse error.
/// </summary>
public sealed partial class SearchQueryText
{
    public const int MaxLength = 200;
    public const int MaxWords = 12;

    private SearchQueryText(string text, IReadOnlyList<string> words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>The query as shown back to the reader (trimmed, shortened).</summary>
    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Text.Length == 0;

    public static SearchQueryText Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength].TrimEnd();
        }

        var words = WordPattern().Matches(text)
            .Select(m => m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxWords)
            .ToList();
        return new SearchQueryText(text, words);
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex WordPattern();
}
