using System.Globalization;

namespace Komdir.Web.Features.Press;

/// <summary>How to cite a KOMDIR document: the same line on the page and wherever else it is needed.</summary>
public static class Citation
{
    public const string Publisher = "Kommunaldirektørforeningen i Danmark (KOMDIR)";

    /// <summary>
    /// "Kommunaldirektørforeningen i Danmark (KOMDIR) (2020): Titel. Debatoplæg. https://…/d/{key}" — the year only
    /// when the document's own date is known ("u.å.", uden år, otherwise: the date it came on the site is not its
    /// year of publication). The link is the lasting /d/{key}, which survives renames and moves.
    /// </summary>
    public static string Format(string title, string type, DateOnly? date, string absoluteUrl)
    {
        var year = date is { } known ? known.Year.ToString(CultureInfo.InvariantCulture) : "u.å.";
        return $"{Publisher} ({year}): {title.TrimEnd('.')}. {type}. {absoluteUrl}";
    }
}
