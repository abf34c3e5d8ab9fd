using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Komdir.Web.Features.Search.Analysis;

/// <summary>
/// Emits each token, then the parts <see cref="CompoundSplitter"/> finds in it at the same position and with the
/// same offsets, so "samfund" matches "civilsamfundet" and the whole compound is marked in a snippet.
/// </summary>
public sealed class CompoundPartsFilter : TokenFilter
{
    private readonly CompoundSplitter splitter;
    private readonly ICharTermAttribute termAttribute;
    private readonly IPositionIncrementAttribute positionAttribute;
    private readonly Queue<string> pendingParts = new();
    private State? originalState;

    public CompoundPartsFilter(TokenStream input, CompoundDictionary dictionary)
        : base(input)
    {
        splitter = new CompoundSplitter(dictionary);
        termAttribute = AddAttribute<ICharTermAttribute>();
        positionAttribute = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pendingParts.Count > 0 && originalState is not null)
        {
            RestoreState(originalState);
            termAttribute.SetEmpty().Append(pendingParts.Dequeue());
            positionAttribute.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        foreach (var part in splitter.Split(termAttribute.ToString()))
        {
            pendingParts.Enqueue(part);
        }

        originalState = pendingParts.Count > 0 ? CaptureState() : null;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pendingParts.Clear();
        originalState = null;
    }
}
