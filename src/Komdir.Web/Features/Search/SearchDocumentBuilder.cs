using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;
using Komdir.Cms.Rendering;
using Komdir.Web.Features.Pages;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Strategy;

namespace Komdir.Web.Features.Search;

/// <summary>
/// Turns the published snapshot into <see cref="SearchDocument"/>s: every routable published page, never a draft,
/// never a node without a page of its own (the site settings).
/// </summary>
public sealed class SearchDocumentBuilder(MarkdownRenderer markdown)
{
    // Values that are metadata rather than the page's text: the title has its own field, theme slugs and labels
    // would only clutter snippets (their words are in the text anyway).
    private static readonly HashSet<string> NotText = ["title", "language", "paperType", "areaLabel", "themes"];

    public IReadOnlyList<SearchDocument> Build(PublishedSnapshot snapshot)
    {
        var documents = new List<SearchDocument>();
        foreach (var content in snapshot.All)
        {
            if (content.Url is null || !content.ContentType.IsRoutable)
            {
                continue;
            }

            var period = PeriodOf(content.Model, snapshot);
            documents.Add(new SearchDocument(
                content.Key,
                content.Url,
                TitleOf(content),
                content.Name,
                TextOf(content),
                TypeOf(content.Model),
                period?.Years,
                period?.StartYear,
                period is not null && !period.IsCurrent,
                content.Model is TextPage page ? SearchLanguageCode(page.Language) : "da"));
        }

        return documents;
    }

    private static string SearchLanguageCode(string language) => Analysis.SearchLanguage.ForPage(language).Code;

    private static string TitleOf(IPublishedContent content) =>
        content.Values.GetValueOrDefault("title") is string { Length: > 0 } title ? title.Trim() : content.Name;

    private string TextOf(IPublishedContent content)
    {
        var parts = new List<string>();
        foreach (var property in content.ContentType.Properties)
        {
            if (NotText.Contains(property.Alias))
            {
                continue;
            }

            var value = content.Values.GetValueOrDefault(property.Alias);
            var text = (property.Editor, value) switch
            {
                (PropertyEditor.Markdown, string source) => markdown.ToPlainText(source),
                (PropertyEditor.Text or PropertyEditor.MultilineText, string plain) => plain.Trim(),
                (PropertyEditor.TextList, IReadOnlyList<string> lines) => string.Join("\n", lines.Where(l => !string.IsNullOrWhiteSpace(l))),
                _ => null,
            };

            if (!string.IsNullOrWhiteSpace(text))
            {
                parts.Add(text);
            }
        }

        return string.Join("\n\n", parts);
    }

    private static string TypeOf(PublishedModel model) => model switch
    {
        FocusArea => SearchPageTypes.FocusArea,
        StrategyPeriod => SearchPageTypes.StrategyPeriod,
        PositionPaper => SearchPageTypes.PositionPaper,
        GuidingPrinciple => SearchPageTypes.GuidingPrinciple,
        _ => SearchPageTypes.Page,
    };

    /// <summary>The nearest strategy period above the page, or the one a position paper (or its principle) links to.</summary>
    private static StrategyPeriod? PeriodOf(PublishedModel model, PublishedSnapshot snapshot)
    {
        if (model.AncestorOrSelf<StrategyPeriod>() is { } ancestor)
        {
            return ancestor;
        }

        var paper = model.AncestorOrSelf<PositionPaper>();
        return paper?.PeriodKey is { } periodKey ? snapshot.GetByKey(periodKey)?.Model as StrategyPeriod : null;
    }
}
