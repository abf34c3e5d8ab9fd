namespace Komdir.Cms.Import;

/// <summary>One node read from a content folder: <c>&lt;segment&gt;/index.md</c> with YAML front matter and a Markdown body.</summary>
public sealed record ContentFile(
    string RelativePath,
    Guid Key,
    string ContentType,
    string Name,
    string UrlSegment,
    int SortOrder,
    IReadOnlyDictionary<string, object?> FrontMatter,
    string Body,
    string Sha256,
    IReadOnlyList<ContentFile> Children);
