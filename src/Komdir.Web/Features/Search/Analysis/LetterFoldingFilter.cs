using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Komdir.Web.Features.Search.Analysis;

/// <summary>
/// Writes æ, ø and å the way people type them without a Danish keyboard (ae, oe, aa). Runs on both the indexed
/// text and the query, after stemming, so "velfaerd", "loesninger" and "omraade" meet "velfærd", "løsninger" and
/// "område". Other accents are removed by an <c>ASCIIFoldingFilter</c> placed after this one.
/// </summary>
public sealed class LetterFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute termAttribute;

    public LetterFoldingFilter(TokenStream input)
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

        var buffer = termAttribute.Buffer;
        var length = termAttribute.Length;
        if (buffer.AsSpan(0, length).IndexOfAny("æøåÆØÅ") < 0)
        {
            return true;
        }

        var folded = Fold(new string(buffer, 0, length));
        termAttribute.SetEmpty().Append(folded);
        return true;
    }

    /// <summary>æ → ae, ø → oe, å → aa (lower case; the chain lower-cases before this filter).</summary>
    public static string Fold(string text) =>
        text.Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal)
            .Replace("Æ", "ae", StringComparison.Ordinal)
            .Replace("Ø", "oe", StringComparison.Ordinal)
            .Replace("Å", "aa", StringComparison.Ordinal);
}
