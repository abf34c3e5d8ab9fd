using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.PositionPapers;

/// <summary>The list of KOMDIR's position papers (debatoplæg).</summary>
public sealed class PositionPaperList(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "positionPaperList";

    public static DocumentType Definition { get; } = new(Alias, "Debatoplæg-oversigt", c => new PositionPaperList(c))
    {
        Icon = "folder",
        AllowedChildTypes = [PositionPaper.Alias],
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 120 },
            new("intro", "Introduktion", PropertyEditor.Markdown) { MaxLength = 2000 },
        ],
    };

    public string Title => Text("title") ?? Name;

    public string? Intro => Text("intro");

    public IReadOnlyList<PositionPaper> Papers => ChildrenOfType<PositionPaper>().ToList();
}
