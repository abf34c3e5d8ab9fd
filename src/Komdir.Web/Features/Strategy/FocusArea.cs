using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.Strategy;

/// <summary>One focus area (fokusområde or indsatsområde) of a strategy period.</summary>
public sealed class FocusArea(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "focusArea";

    public static DocumentType Definition { get; } = new(Alias, "Fokusområde", c => new FocusArea(c))
    {
        Icon = "target",
        BodyProperty = "body",
        Properties =
        [
            new("number", "Nummer", PropertyEditor.Number) { Minimum = 1, Maximum = 20 },
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 250 },
            new("summary", "Resumé", PropertyEditor.MultilineText) { MaxLength = 500, Help = "Én eller to sætninger, der vises i oversigter." },
            new("body", "Brødtekst", PropertyEditor.Markdown) { Required = true, MaxLength = 100000 },
            new("curiousAbout", "KOMDIR er blandt andet nysgerrig på", PropertyEditor.TextList) { MaxLength = 20, Help = "Ét spørgsmål pr. linje." },
            new("themes", "Temaer", PropertyEditor.TextList) { MaxLength = 10, Group = "Relationer", Help = "Temaord, der forbinder fokusområder på tværs af perioder, fx \"civilsamfund\"." },
        ],
    };

    public int? AreaNumber => Number("number");

    public string Title => Text("title") ?? Name;

    public string? Summary => Text("summary");

    public string? Body => Text("body");

    public IReadOnlyList<string> CuriousAbout => TextList("curiousAbout");

    public IReadOnlyList<string> Themes => TextList("themes");

    public StrategyPeriod? Period => AncestorOrSelf<StrategyPeriod>();
}
