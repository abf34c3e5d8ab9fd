using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Komdir.Web.Features.Search.Analysis;

namespace Komdir.Web.Features.Search;

/// <summary>
/// Everything one index generation was built from: the documents, the compound dictionaries learnt from their
/// words, and a fingerprint that tells whether an index on disk still matches the published content.
/// </summary>
public sealed class SearchCorpus
{
    /// <summary>Change this whenever fields or analysis change: an index on disk built the old way is then rebuilt at start.</summary>
    public const string IndexFormat = "komdir-search-2"; // 2: "presse" keeps its own stem

    public SearchCorpus(IReadOnlyList<SearchDocument> documents)
    {
        Documents = documents;
        Dictionaries = SearchLanguage.All.ToDictionary(
            language => language.Code,
            language => CompoundDictionary.Build(language, documents.Where(d => d.Language == language.Code).SelectMany(d => new[] { d.Title, d.Name, d.Text })));
        Fingerprint = ComputeFingerprint(documents);
        Periods = documents
            .Where(d => d.Period is not null)
            .GroupBy(d => d.Period!)
            .Select(g => new SearchPeriodOption(g.Key, g.Max(d => d.PeriodStartYear ?? 0), g.All(d => d.IsArchived)))
            .OrderByDescending(p => p.StartYear)
            .ThenByDescending(p => p.Years, StringComparer.Ordinal)
            .ToList();
    }

    public static SearchCorpus Empty { get; } = new([]);

    public IReadOnlyList<SearchDocument> Documents { get; }

    public IReadOnlyDictionary<string, CompoundDictionary> Dictionaries { get; }

    public string Fingerprint { get; }

    /// <summary>The strategy periods pages belong to, newest first, for the period filter.</summary>
    public IReadOnlyList<SearchPeriodOption> Periods { get; }

    public CompoundDictionary DictionaryFor(SearchLanguage language) =>
        Dictionaries.GetValueOrDefault(language.Code) ?? CompoundDictionary.Empty(language);

    private static string ComputeFingerprint(IReadOnlyList<SearchDocument> documents)
    {
        var json = JsonSerializer.Serialize(new { IndexFormat, documents });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}

/// <summary>A strategy period in the filter; archived when it is not the current period.</summary>
public sealed record SearchPeriodOption(string Years, int StartYear, bool IsArchived);
