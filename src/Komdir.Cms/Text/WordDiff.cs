using System.Text.RegularExpressions;

namespace Komdir.Cms.Text;

public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>A run of text that is the same in both versions, only in the newer one, or only in the older one.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// A word-level difference between two texts, for version history and for comparing how a wording changed
/// between strategy periods. Words and the white space between them are the units, so the result reads naturally.
/// </summary>
public static partial class WordDiff
{
    /// <summary>Above this many tokens on both sides the texts are shown as one deletion and one insertion.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Compare(string? before, string? after)
    {
        var allBefore = Tokenize(before ?? "");
        var allAfter = Tokenize(after ?? "");

        // What both share at the start and the end is unchanged: only the middle needs the quadratic comparison, so a
        // few words changed in a 60,000-character body still read as a word diff.
        var prefix = 0;
        while (prefix < allBefore.Length && prefix < allAfter.Length && allBefore[prefix] == allAfter[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < allBefore.Length - prefix && suffix < allAfter.Length - prefix
               && allBefore[^(suffix + 1)] == allAfter[^(suffix + 1)])
        {
            suffix++;
        }

        var a = allBefore[prefix..^suffix];
        var b = allAfter[prefix..^suffix];
        var head = allBefore[..prefix].Select(t => new DiffSegment(DiffKind.Unchanged, t));
        var tail = allBefore[^suffix..].Select(t => new DiffSegment(DiffKind.Unchanged, t));
        if ((long)a.Length * b.Length > MaxCells)
        {
            return Merge([.. head, new(DiffKind.Deleted, string.Concat(a)), new(DiffKind.Inserted, string.Concat(b)), .. tail]);
        }

        // Longest common subsequence over tokens, filled from the end so the walk below goes forwards.
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var segments = new List<DiffSegment>(head);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                segments.Add(new(DiffKind.Unchanged, a[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                segments.Add(new(DiffKind.Deleted, a[x++]));
            }
            else
            {
                segments.Add(new(DiffKind.Inserted, b[y++]));
            }
        }

        while (x < a.Length)
        {
            segments.Add(new(DiffKind.Deleted, a[x++]));
        }

        while (y < b.Length)
        {
            segments.Add(new(DiffKind.Inserted, b[y++]));
        }

        segments.AddRange(tail);
        return Merge(segments);
    }

    /// <summary>True when the two texts differ in anything but white space at the ends.</summary>
    public static bool HasChanges(IReadOnlyList<DiffSegment> diff) => diff.Any(s => s.Kind != DiffKind.Unchanged && s.Text.Trim().Length > 0);

    private static string[] Tokenize(string text) => Tokens().Matches(text).Select(m => m.Value).ToArray();

    private static List<DiffSegment> Merge(IEnumerable<DiffSegment> segments)
    {
        var merged = new List<DiffSegment>();
        foreach (var segment in segments.Where(s => s.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Kind == segment.Kind)
            {
                merged[^1] = segment with { Text = merged[^1].Text + segment.Text };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    [GeneratedRegex(@"\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();
}
