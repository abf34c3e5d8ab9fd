using System.Globalization;

namespace Komdir.Web.Backoffice.Media;

/// <summary>How the media screen shows sizes and types to Danish editors.</summary>
public static class MediaFormat
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>E.g. "512 bytes", "34,5 KB", "1,2 MB" (1 KB = 1024 bytes).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString("N0", Danish)} bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", Danish) + " KB",
        _ => (bytes / (1024.0 * 1024.0)).ToString("0.#", Danish) + " MB",
    };

    /// <summary>A short name for a stored content type, e.g. "PDF" or "PNG-billede".</summary>
    public static string Type(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/png" => "PNG-billede",
        "image/jpeg" => "JPEG-billede",
        "image/gif" => "GIF-billede",
        "image/webp" => "WebP-billede",
        _ => contentType,
    };
}
