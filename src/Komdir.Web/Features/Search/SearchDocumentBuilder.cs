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
                content.Model is About.About ? Join(TextOf(content), AboutShownText(snapshot)) : TextOf(content),
                TypeOf(content.Model),
                period?.Years,
                period?.StartYear,
                period is not null && !period.IsCurrent,
                content.Model is TextPage page ? SearchLanguageCode(page.Language) : "da"));
        }

        if (PurposeOverTimeDocument(snapshot) is { } purposeOverTime)
        {
            documents.Add(purposeOverTime);
        }

        return documents;
    }

    /// <summary>A fixed key for the routed purpose-over-time page, which has no node of its own.</summary>
    public static readonly Guid PurposeOverTimeKey = new("3f1d2c4b-5a69-4e7f-8a1b-0c2d3e4f5a6b");

    private static string Join(params string?[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The About page shows the current period's purpose and collegial community: what it shows is what it is found by.</summary>
    private string AboutShownText(PublishedSnapshot snapshot) =>
        snapshot.FirstOfType<StrategyOverview>()?.CurrentPeriod is { } period
            ? Join(period.PurposeIntro, markdown.ToPlainText(period.Purpose), markdown.ToPlainText(period.Community))
            : "";

    /// <summary>/strategi/formaal-over-tid: every period's purpose, as the page lists them.</summary>
    private SearchDocument? PurposeOverTimeDocument(PublishedSnapshot snapshot)
    {
        var periods = snapshot.OfType<StrategyPeriod>()
            .Where(p => p.Url is not null && !string.IsNullOrWhiteSpace(p.Purpose))
            .OrderBy(p => p.StartYear)
            .ToList();
        if (periods.Count == 0)
        {
            return null;
        }

        var text = Join(
            "Sådan har KOMDIRs formål været formuleret i de enkelte strategiperioder.",
            string.Join("\n\n", periods.Select(p => p.Years + ": " + markdown.ToPlainText(p.Purpose))));
        return new SearchDocument(PurposeOverTimeKey, PurposeOverTimePage.Path, "Formålet over tid", "Formålet over tid", text, SearchPageTypes.Page, null, null, false, "da");
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
