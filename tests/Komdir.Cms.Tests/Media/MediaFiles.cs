using System.Text;

namespace Komdir.Cms.Tests.Media;

/// <summary>Tiny files with the right leading bytes for each type the library accepts, and some it must refuse.</summary>
internal static class MediaFiles
{
    public static byte[] Pdf(string text = "hello") => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1];

    public static byte[] Gif() => Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00");

    public static byte[] WebP() => [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0];

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>");

    public static byte[] Svg() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0];

    public static MemoryStream Stream(byte[] bytes) => new(bytes);
}
