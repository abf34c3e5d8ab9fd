using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Serialization;

namespace Komdir.Cms.Import;

/// <summary>
/// Reads a content folder: every node is a folder holding <c>index.md</c>; the folder's name is the URL segment and
/// its subfolders are the node's children. Top-level folders are roots. Problems are collected, not thrown, so one
/// bad file is reported by path and the rest still load.
/// </summary>
public sealed class ContentFileReader
{
    public const string NodeFileName = "index.md";
    private static readonly string[] ReservedKeys = ["key", "type", "name", "sort"];
    private readonly IDeserializer yaml = new DeserializerBuilder().Build();

    public (IReadOnlyList<ContentFile> Roots, IReadOnlyList<string> Errors) Read(string rootFolder)
    {
        var errors = new List<string>();
        if (!Directory.Exists(rootFolder))
        {
            errors.Add($"Content folder '{rootFolder}' does not exist.");
            return ([], errors);
        }

        var roots = ReadChildren(rootFolder, rootFolder, errors);
        var duplicates = Flatten(roots).GroupBy(f => f.Key).Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            errors.Add($"Key {duplicate.Key} is used by more than one file: {string.Join(", ", duplicate.Select(f => f.RelativePath))}.");
        }

        return (roots, errors);
    }

    public static IEnumerable<ContentFile> Flatten(IEnumerable<ContentFile> files) =>
        files.SelectMany(f => new[] { f }.Concat(Flatten(f.Children)));

    private List<ContentFile> ReadChildren(string folder, string rootFolder, List<string> errors)
    {
        var files = new List<ContentFile>();
        foreach (var child in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var nodeFile = Path.Combine(child, NodeFileName);
            if (!File.Exists(nodeFile))
            {
                continue;
            }

            var parsed = ReadNode(nodeFile, Path.GetFileName(child), Path.GetRelativePath(rootFolder, nodeFile), errors);
            if (parsed is not null)
            {
                files.Add(parsed with { Children = ReadChildren(child, rootFolder, errors) });
            }
        }

        files.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : string.CompareOrdinal(a.UrlSegment, b.UrlSegment));
        return files;
    }

    private ContentFile? ReadNode(string path, string segment, string relativePath, List<string> errors)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!TrySplitFrontMatter(text, out var frontMatterText, out var body))
        {
            errors.Add($"{relativePath}: the file must start with YAML front matter between '---' lines.");
            return null;
        }

        Dictionary<string, object?> frontMatter;
        try
        {
            frontMatter = yaml.Deserialize<Dictionary<string, object?>>(frontMatterText) ?? [];
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            errors.Add($"{relativePath}: the front matter is not valid YAML ({exception.Message}).");
            return null;
        }

        if (!Guid.TryParse(frontMatter.GetValueOrDefault("key") as string, out var key))
        {
            errors.Add($"{relativePath}: 'key' must be a GUID.");
            return null;
        }

        if (frontMatter.GetValueOrDefault("type") is not string type || type.Length == 0)
        {
            errors.Add($"{relativePath}: 'type' is missing.");
            return null;
        }

        if (frontMatter.GetValueOrDefault("name") is not string name || name.Trim().Length == 0)
        {
            errors.Add($"{relativePath}: 'name' is missing.");
            return null;
        }

        var sort = 0;
        if (frontMatter.GetValueOrDefault("sort") is { } sortValue && !int.TryParse(Convert.ToString(sortValue, System.Globalization.CultureInfo.InvariantCulture), out sort))
        {
            errors.Add($"{relativePath}: 'sort' must be a whole number.");
            return null;
        }

        var properties = frontMatter.Where(p => !ReservedKeys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new ContentFile(relativePath, key, type, name.Trim(), segment, sort, properties, body.Trim(), hash, []);
    }

    private static bool TrySplitFrontMatter(string text, out string frontMatter, out string body)
    {
        frontMatter = body = "";
        var trimmed = text.TrimStart('\uFEFF');
        if (!trimmed.StartsWith("---\n", StringComparison.Ordinal))
        {
            return false;
        }

        var end = trimmed.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        frontMatter = trimmed[4..(end + 1)];
        var afterMarker = trimmed.IndexOf('\n', end + 4);
        body = afterMarker < 0 ? "" : trimmed[(afterMarker + 1)..];
        return true;
    }
}
