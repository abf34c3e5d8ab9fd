using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Komdir.Web.Features.Search.Analysis;

/// <summary>
/// Takes a stem one step further to its root by removing the verbal-noun endings -ering, -ning and -ing that the
/// Snowball stemmer keeps ("rekruttering" → "rekrut", like "rekruttere"; "udvikling" → "udvikl", like "udvikle").
/// Used only in the low-weighted "loose" field: it widens recall, while exact stems keep the ranking sharp.
/// </summary>
public sealed class DerivationalRootFilter : TokenFilter
{
    private readonly ICharTermAttribute termAttribute;

    public DerivationalRootFilter(TokenStream input)
        : base(input)
    {
        termAttribute = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var term = termAttribute.ToString();
        var root = Root(term);
        if (!ReferenceEquals(root, term))
        {
            termAttribute.SetEmpty().Append(root);
        }

        return true;
    }

    public static string Root(string stem)
    {
        foreach (var (ending, shortestRoot) in Endings)
        {
            if (stem.Length - ending.Length >= shortestRoot && stem.EndsWith(ending, StringComparison.Ordinal))
            {
                return Undouble(stem[..^ending.Length]);
            }
        }

        return stem;
    }

    // Longest ending first; a root must keep enough letters to still mean something ("ring" stays "ring").
    private static readonly (string Ending, int ShortestRoot)[] Endings = [("ering", 4), ("ning", 3), ("ing", 4)];

    /// <summary>"rekrutt" → "rekrut", as the Snowball stemmer's last step does for the verb.</summary>
    private static string Undouble(string root) =>
        root.Length > 3 && root[^1] == root[^2] && !IsVowel(root[^1]) ? root[..^1] : root;

    private static bool IsVowel(char letter) => "aeiouyæøå".Contains(letter);
}
