namespace Komdir.Cms.Media;

/// <summary>Builds the public address of a media file, for templates.</summary>
public static class MediaUrls
{
    /// <summary>How much of the SHA-256 goes into the "?v=" that makes a URL cacheable for a year.</summary>
    public const int VersionLength = 12;

    /// <summary>
    /// "/media/{key}/{fileName}?v={sha prefix}". The key keeps links working when the file is replaced; the hash prefix
    /// changes with the bytes, so browsers may cache each address forever.
    /// </summary>
    public static string MediaUrl(Guid key, string fileName, string? sha256)
    {
        var path = $"/media/{key:D}/{Uri.EscapeDataString(fileName)}";
        return string.IsNullOrEmpty(sha256) ? path : $"{path}?v={sha256[..Math.Min(VersionLength, sha256.Length)]}";
    }
}
