using Komdir.Cms.Text;

namespace Komdir.Web.Backoffice.Content;

/// <summary>One field's difference between two versions, as word-level segments.</summary>
public sealed record DiffRow(string Label, IReadOnlyList<DiffSegment> Segments, bool Changed)
{
    public static DiffRow Create(string label, string before, string after)
    {
        var segments = WordDiff.Compare(before, after);
        return new DiffRow(label, segments, WordDiff.HasChanges(segments));
    }
}
