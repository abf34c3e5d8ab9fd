using Komdir.Cms.Published;
using Komdir.Cms.Rendering;

namespace Komdir.Web.PublicSite;

/// <summary>
/// A page's short description, for the meta description and the front page's cards: the editor's summary, else
/// the page's own first text (intro, purpose, body), else a plain line naming the page. Never text a page lacks.
/// </summary>
public static class PageDescription
{
    public const int MaxLength = 160;

    private static readonly string[] TextAliases = ["summary", "intro", "purpose", "description", "body"];

    public static string For(IPublishedContent content, MarkdownRenderer markdown)
    {
        foreach (var alias in TextAliases)
        {
            if (content.Values.GetValueOrDefault(alias) is string { Length: > 0 } value)
            {
                var text = Flatten(markdown.ToPlainText(value));
                if (text.Length > 0)
                {
                    return Shorten(text);
                }
            }
        }

        var title = content.Values.GetValueOrDefault("title") as string ?? content.Name;
        return content.Level == 0
            ? "Kommunaldirektørforeningen i Danmark (KOMDIR): formål, strategi, debatoplæg og presse."
            : $"{title.Trim()} – fra Kommunaldirektørforeningen i Danmark (KOMDIR).";
    }

    /// <summary>Whether the page has text of its own to describe it (not only the fallback line).</summary>
    public static bool HasOwnText(IPublishedContent content, MarkdownRenderer markdown) =>
        TextAliases.Any(alias => content.Values.GetValueOrDefault(alias) is string { Length: > 0 } value && Flatten(markdown.ToPlainText(value)).Length > 0);

    /// <summary>
    /// The association's long compound name with a soft hyphen at its joint, so a phone breaks it as
    /// "Kommunaldirektør-/foreningen" and never at an arbitrary letter (the h1 uses manual hyphenation).
    /// </summary>
    public static string WithSoftHyphens(string text) =>
        text.Replace("Kommunaldirektørforeningen", "Kommunaldirektør\u00ADforeningen", StringComparison.Ordinal);

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Cut at a word boundary with an ellipsis, so a description never ends mid-word.</summary>
    public static string Shorten(string text, int maxLength = MaxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        return (cut > maxLength / 2 ? text[..cut] : text[..(maxLength - 1)]).TrimEnd(',', ';', ':', ' ', '.') + "…";
    }
}
