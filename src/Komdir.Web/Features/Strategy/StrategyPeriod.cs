using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.Strategy;

/// <summary>A strategy period (e.g. 2025-2027) with its own wording of the purpose and its focus areas.</summary>
public sealed class StrategyPeriod(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "strategyPeriod";

    public static DocumentType Definition { get; } = new(Alias, "Strategiperiode", c => new StrategyPeriod(c))
    {
        Icon = "calendar",
        AllowedChildTypes = [FocusArea.Alias, "textPage"],
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 160, Help = "Fx \"Fokusområder 2027-2029\"." },
            new("startYear", "Første år", PropertyEditor.Number) { Required = true, Minimum = 1990, Maximum = 2100, Group = "Periode" },
            new("endYear", "Sidste år", PropertyEditor.Number) { Required = true, Minimum = 1990, Maximum = 2100, Group = "Periode" },
            new("areaLabel", "Betegnelse for områderne", PropertyEditor.Text) { MaxLength = 40, Group = "Periode", Help = "Ental, fx \"Fokusområde\" eller \"Indsatsområde\"." },
            new("intro", "Introduktion", PropertyEditor.Markdown) { MaxLength = 5000 },
            new("purposeIntro", "Indledning til formålet", PropertyEditor.Text) { MaxLength = 200, Group = "Formål", Help = "Fx \"Foreningens formål som beskrevet i vedtægterne er:\"." },
            new("purpose", "Formål", PropertyEditor.Markdown) { Required = true, MaxLength = 5000, Group = "Formål", Help = "Formålet, som det er formuleret i denne periode." },
            new("community", "Kollegialt fællesskab", PropertyEditor.Markdown) { MaxLength = 5000, Group = "Formål" },
            new("rationale", "Hvorfor disse områder", PropertyEditor.Markdown) { MaxLength = 5000 },
        ],
    };

    public string Title => Text("title") ?? Name;

    public int StartYear => Number("startYear") ?? 0;

    public int EndYear => Number("endYear") ?? 0;

    /// <summary>"2025-2027".</summary>
    public string Years => $"{StartYear}-{EndYear}";

    public string AreaLabel => Text("areaLabel") ?? "Fokusområde";

    /// <summary>"Fokusområder" / "Indsatsområder".</summary>
    public string AreaLabelPlural => AreaLabel.EndsWith('e') ? AreaLabel + "r" : AreaLabel + "er";

    public string? Intro => Text("intro");

    public string? PurposeIntro => Text("purposeIntro");

    public string? Purpose => Text("purpose");

    public string? Community => Text("community");

    public string? Rationale => Text("rationale");

    public IReadOnlyList<FocusArea> FocusAreas => ChildrenOfType<FocusArea>().ToList();

    /// <summary>True for the latest-starting published period.</summary>
    public bool IsCurrent => AncestorOrSelf<StrategyOverview>() is not { } overview || overview.CurrentPeriod?.Key == Key;
}
