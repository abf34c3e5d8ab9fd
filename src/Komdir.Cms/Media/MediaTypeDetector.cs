namespace Komdir.Cms.Media;

/// <summary>Whether a file is a document or a picture; a replacement must keep the kind.</summary>
public enum MediaKind
{
    Pdf,
    Image,
}

/// <summary>A file type the library accepts, as recognised from the file's first bytes.</summary>
public sealed record MediaFileType(MediaKind Kind, string ContentType, string Extension);

/// <summary>
/// Recognises the accepted file types from their content (magic bytes), never from the name a browser sent:
/// a ".pdf" that is really HTML, an SVG (which can carry script) or a program is refused.
/// </summary>
public static class MediaTypeDetector
{
    /// <summary>Enough leading bytes to tell every accepted type apart.</summary>
    public const int HeaderLength = 12;

    public static MediaFileType? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return new(MediaKind.Pdf, "application/pdf", ".pdf");
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new(MediaKind.Image, "image/png", ".png");
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new(MediaKind.Image, "image/jpeg", ".jpg");
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return new(MediaKind.Image, "image/gif", ".gif");
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return new(MediaKind.Image, "image/webp", ".webp");
        }

        return null;
    }
}
