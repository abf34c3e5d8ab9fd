using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.PositionPapers;

/// <summary>One pejlemærke of a position paper, with its points.</summary>
public sealed class GuidingPrinciple(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "guidingPrinciple";

    public static DocumentType Definition { get; } = new(Alias, "Pejlemærke", c => new GuidingPrinciple(c))
    {
        Icon = "flag",
        BodyProperty = "body",
        Properties =
        [
            new("number", "Nummer", PropertyEditor.Number) { Minimum = 1, Maximum = 20 },
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new("body", "Punkter", PropertyEditor.Markdown) { Required = true, MaxLength = 100000, Help = "Punkterne som en punktliste; underpunkter rykkes ind." },
            new("closing", "Afsluttende linje", PropertyEditor.Text) { MaxLength = 300 },
        ],
    };

    public int? PrincipleNumber => Number("number");

    public string Title => Text("title") ?? Name;

    public string? Body => Text("body");

    public string? Closing => Text("closing");

    public PositionPaper? Paper => AncestorOrSelf<PositionPaper>();
}
