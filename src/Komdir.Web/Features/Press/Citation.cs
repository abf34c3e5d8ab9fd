using System.Globalization;

namespace Komdir.Web.Features.Press;

/// <summary>How to cite a KOMDIR document: the same line on the page and wherever else it is needed.</summary>
public static class Citation
{
    public const string Publisher = "Kommunaldirektørforeningen i Danmark (KOMDIR)";

    /// <summary>"Kommunaldirektørforeningen i Danmark (KOMDIR): Titel. Type, 1. maj 2020. https://…" — the date only when known.</summary>
    public static string Format(string title, string type, DateOnly? date, string absoluteUrl)
    {
        var datePart = date is { } known ? ", " + known.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK")) : "";
        return $"{Publisher}: {title.TrimEnd('.')}. {type}{datePart}. {absoluteUrl}";
    }
}
