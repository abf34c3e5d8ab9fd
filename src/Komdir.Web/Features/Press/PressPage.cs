using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.Press;

/// <summary>The press section: every position paper and strategy document in one list, with the press contact.</summary>
public sealed class PressPage(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "pressPage";

    public static DocumentType Definition { get; } = new(Alias, "Presseside", c => new PressPage(c))
    {
        Icon = "megaphone",
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text) { Required = true, MaxLength = 120 },
            new("intro", "Introduktion", PropertyEditor.Markdown) { MaxLength = 2000 },
        ],
    };

    public string Title => Text("title") ?? Name;

    public string? Intro => Text("intro");
}
