using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.PositionPapers;

/// <summary>A position paper or strategy document, with its guiding principles (pejlemærker) as children.</summary>
public sealed class PositionPaper(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "positionPaper";

    public static DocumentType Definition { get; } = new(Alias, "Debatoplæg", c => new PositionPaper(c))
    {
        Icon = "document-text",
        AllowedChildTypes = [GuidingPrinciple.Alias],
        BodyProperty = "body",
        Properties =
        [
            new("title", "Titel", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new("subtitle", "Undertitel", PropertyEditor.Text) { MaxLength = 200 },
            new("paperType", "Type", PropertyEditor.Text) { MaxLength = 60, Help = "Fx \"Debatoplæg\" eller \"Strategi\"." },
            new("publishedDate", "Udgivet", PropertyEditor.Date) { Help = "Datoen, dokumentet oprindeligt blev udgivet (ikke datoen, det kom på sitet). Lad feltet stå tomt, hvis den ikke kendes." },
            new("summary", "Resumé", PropertyEditor.MultilineText) { MaxLength = 600 },
            new("buildsOn", "Dette debatoplæg …", PropertyEditor.TextList) { MaxLength = 20 },
            new("motto", "Citat", PropertyEditor.Text) { MaxLength = 300 },
            new("body", "Brødtekst", PropertyEditor.Markdown) { MaxLength = 100000 },
            new("values", "De understøttende værdier", PropertyEditor.TextList) { MaxLength = 40 },
            new("pdf", "PDF", PropertyEditor.Media) { Group = "Filer", Help = "Dokumentet som PDF til download." },
            new("period", "Strategiperiode", PropertyEditor.ContentLink) { Group = "Relationer", AllowedLinkTypes = ["strategyPeriod"] },
            new("themes", "Temaer", PropertyEditor.TextList) { MaxLength = 10, Group = "Relationer" },
        ],
    };

    public string Title => Text("title") ?? Name;

    public string? Subtitle => Text("subtitle");

    public string PaperType => Text("paperType") ?? "Debatoplæg";

    public DateOnly? PublishedDate => Date("publishedDate");

    public string? Summary => Text("summary");

    public IReadOnlyList<string> BuildsOn => TextList("buildsOn");

    public string? Motto => Text("motto");

    public string? Body => Text("body");

    public IReadOnlyList<string> SupportingValues => TextList("values");

    public Guid? PdfKey => Reference("pdf");

    public Guid? PeriodKey => Reference("period");

    public IReadOnlyList<string> Themes => TextList("themes");

    public IReadOnlyList<GuidingPrinciple> Principles => ChildrenOfType<GuidingPrinciple>().ToList();
}
