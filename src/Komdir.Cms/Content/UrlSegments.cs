using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Komdir.Cms.Content;

/// <summary>Makes and checks URL segments: lower-case ASCII, digits and single hyphens; Danish letters spelt out.</summary>
public static partial class UrlSegments
{
    public static string FromName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name.Trim().ToLowerInvariant())
        {
            switch (ch)
            {
                case 'æ': builder.Append("ae"); break;
                case 'ø': builder.Append("oe"); break;
                case 'å': builder.Append("aa"); break;
                default:
                    var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
                    foreach (var part in decomposed)
                    {
                        if (CharUnicodeInfo.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark)
                        {
                            continue;
                        }

                        builder.Append(part is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? part : '-');
                    }

                    break;
            }
        }

        var collapsed = Hyphens().Replace(builder.ToString(), "-").Trim('-');
        return collapsed.Length == 0 ? "side" : collapsed;
    }

    public static bool IsValid(string? segment) => segment is not null && segment.Length <= 200 && Valid().IsMatch(segment);

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Valid();
}
