using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.Strategy;

/// <summary>The overview of all strategy periods, the current one first, earlier ones as the archive.</summary>
public sealed class StrategyOverview(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "strategyOverview";

    public static DocumentType Definition { get; } = new(Alias, "Strategioversigt", c => new StrategyOverview(c))
    {
        Icon = "folder",
        AllowedChildTypes = [StrategyPeriod.Alias],
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 120 },
            new("intro", "Introduktion", PropertyEditor.Markdown) { MaxLength = 2000 },
        ],
    };

    public string Title => Text("title") ?? Name;

    public string? Intro => Text("intro");

    /// <summary>Every published period, newest first.</summary>
    public IReadOnlyList<StrategyPeriod> Periods =>
        ChildrenOfType<StrategyPeriod>().OrderByDescending(p => p.StartYear).ThenByDescending(p => p.EndYear).ToList();

    /// <summary>
    /// The current period is the published one that starts latest: publishing the next period makes it current and
    /// turns every earlier period into archive, with no flag to forget.
    /// </summary>
    public StrategyPeriod? CurrentPeriod => Periods.FirstOrDefault();
}
