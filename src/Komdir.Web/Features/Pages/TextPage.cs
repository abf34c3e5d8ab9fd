using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.Pages;

/// <summary>A plain page of text, in Danish or another language (the Norwegian sister forum's page is in bokmål).</summary>
public sealed class TextPage(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "textPage";

    public static DocumentType Definition { get; } = new(Alias, "Tekstside", c => new TextPage(c))
    {
        Icon = "document",
        AllowedChildTypes = [Alias],
        BodyProperty = "body",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new("summary", "Resumé", PropertyEditor.MultilineText) { MaxLength = 600 },
            new("body", "Brødtekst", PropertyEditor.Markdown) { MaxLength = 100000 },
            new("language", "Sprog", PropertyEditor.Text) { MaxLength = 10, Group = "Indstillinger", Help = "Sprogkode for sidens tekst, fx \"nb\" for norsk bokmål. Tomt betyder dansk." },
        ],
    };

    public string Title => Text("title") ?? Name;

    public string? Summary => Text("summary");

    public string? Body => Text("body");

    /// <summary>The BCP 47 language of the text; Danish unless the editor says otherwise.</summary>
    public string Language => string.IsNullOrWhiteSpace(Text("language")) ? "da" : Text("language")!.Trim();
}
