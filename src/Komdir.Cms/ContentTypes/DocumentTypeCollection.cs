namespace Komdir.Cms.ContentTypes;

/// <summary>The document types a site has registered. One instance per application, held by DI.</summary>
public sealed class DocumentTypeCollection
{
    private readonly Dictionary<string, DocumentType> byAlias;

    public DocumentTypeCollection(IEnumerable<DocumentType> types)
    {
        byAlias = new Dictionary<string, DocumentType>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (!byAlias.TryAdd(type.Alias, type))
            {
                throw new InvalidOperationException($"Document type '{type.Alias}' is registered twice.");
            }
        }

        foreach (var type in byAlias.Values)
        {
            foreach (var child in type.AllowedChildTypes)
            {
                if (!byAlias.ContainsKey(child))
                {
                    throw new InvalidOperationException($"Document type '{type.Alias}' allows unknown child type '{child}'.");
                }
            }

            var duplicate = type.Properties.GroupBy(p => p.Alias).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidOperationException($"Document type '{type.Alias}' declares property '{duplicate.Key}' twice.");
            }
        }
    }

    public IReadOnlyCollection<DocumentType> All => byAlias.Values;

    public DocumentType Get(string alias) =>
        byAlias.TryGetValue(alias, out var type)
            ? type
            : throw new KeyNotFoundException($"Unknown document type '{alias}'.");

    public DocumentType? Find(string alias) => byAlias.GetValueOrDefault(alias);
}
