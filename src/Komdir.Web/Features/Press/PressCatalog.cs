using System.Globalization;
using Komdir.Cms.Published;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Strategy;

namespace Komdir.Web.Features.Press;

/// <summary>
/// One document in the press list. <paramref name="Date"/> (the editor-set "Udgivet") and <paramref name="Period"/> are null
/// when not known; <paramref name="FirstPublishedDate"/> is when it came on the site.
/// </summary>
public sealed record PressDocument(Guid Key, string Title, string Type, string? Period, int? PeriodStartYear, DateOnly? Date, string? Summary, string Url, DateTimeOffset UpdateDate, DateTimeOffset FirstPublishedDate);

/// <summary>Lists KOMDIR's position papers and strategy documents from the published snapshot; filtering is by exact type and period.</summary>
public static class PressCatalog
{
    /// <summary>The type shown for a strategy period: the document type's own name, not a made-up label.</summary>
    public const string StrategyType = "Strategiperiode";

    public static IReadOnlyList<PressDocument> Documents(PublishedSnapshot snapshot)
    {
        var documents = new List<PressDocument>();
        foreach (var paper in snapshot.OfType<PositionPaper>())
        {
            if (paper.Url is null)
            {
                continue;
            }

            var period = paper.PeriodKey is { } key ? snapshot.GetByKey(key)?.Model as StrategyPeriod : null;
            documents.Add(new PressDocument(paper.Key, paper.Title, paper.PaperType, period?.Years, period?.StartYear, paper.PublishedDate, paper.Summary, paper.Url, paper.UpdateDate, paper.FirstPublishedDate));
        }

        foreach (var period in snapshot.OfType<StrategyPeriod>())
        {
            if (period.Url is null)
            {
                continue;
            }

            documents.Add(new PressDocument(period.Key, period.Title, StrategyType, period.Years, period.StartYear, null, null, period.Url, period.UpdateDate, period.FirstPublishedDate));
        }

        // Newest first: by date where known, else by the period's first year.
        return documents
            .OrderByDescending(d => d.Date?.Year ?? d.PeriodStartYear ?? 0)
            .ThenByDescending(d => d.Date)
            .ThenBy(d => d.Title, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), false))
            .ToList();
    }

    public static IReadOnlyList<PressDocument> Filter(IEnumerable<PressDocument> documents, string? type, string? period) =>
        documents
            .Where(d => string.IsNullOrWhiteSpace(type) || string.Equals(d.Type, type.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(d => string.IsNullOrWhiteSpace(period) || string.Equals(d.Period, period.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
}
