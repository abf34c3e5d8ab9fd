using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.Settings;

/// <summary>Site-wide settings edited by the secretariat; not a page. Empty fields are hidden on the site, never made up.</summary>
public sealed class SiteSettings(IPublishedContent content) : PublishedModel(content)
{
    public const string Alias = "siteSettings";

    public static DocumentType Definition { get; } = new(Alias, "Indstillinger", c => new SiteSettings(c))
    {
        Icon = "settings",
        IsRoutable = false,
        AllowedAtRoot = true,
        Properties =
        [
            new("siteName", "Sidens navn", PropertyEditor.Text) { Required = true, MaxLength = 120 },
            new("pressContactName", "Pressekontakt: navn", PropertyEditor.Text) { MaxLength = 120, Group = "Presse" },
            new("pressContactEmail", "Pressekontakt: e-mail", PropertyEditor.Text) { MaxLength = 200, Group = "Presse" },
            new("pressContactPhone", "Pressekontakt: telefon", PropertyEditor.Text) { MaxLength = 40, Group = "Presse" },
        ],
    };

    public string SiteName => Text("siteName") ?? "KOMDIR";

    public string? PressContactName => Text("pressContactName");

    public string? PressContactEmail => Text("pressContactEmail");

    public string? PressContactPhone => Text("pressContactPhone");
}
