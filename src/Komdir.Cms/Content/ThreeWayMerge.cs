namespace Komdir.Cms.Content;

/// <summary>One field both sides changed differently since the version the editor started from.</summary>
public sealed record FieldConflict(string Field, object? Base, object? Theirs, object? Mine);

/// <summary>The outcome of merging a stale save field by field.</summary>
public sealed record MergeOutcome(
    string Name,
    string UrlSegment,
    Dictionary<string, object?> Values,
    IReadOnlyList<string> TakenFromTheirs,
    IReadOnlyList<FieldConflict> Conflicts)
{
    public bool IsClean => Conflicts.Count == 0;
}

/// <summary>
/// Merges an editor's values with a newer version someone else saved, against the version the editor started from:
/// a field only one side changed keeps that side's value; a field both changed to the same value is no conflict;
/// a field both changed differently is a conflict, and <see cref="Merge"/> then keeps the editor's value for it (so
/// the merged result is "everything, mine where we disagree" and nothing is dropped silently).
/// The fields are "name", "urlSegment" and each property alias.
/// </summary>
public static class ThreeWayMerge
{
    public const string NameField = "name";
    public const string UrlSegmentField = "urlSegment";

    public static MergeOutcome Merge(
        (string Name, string UrlSegment, IReadOnlyDictionary<string, object?> Values) baseVersion,
        (string Name, string UrlSegment, IReadOnlyDictionary<string, object?> Values) theirs,
        (string Name, string UrlSegment, IReadOnlyDictionary<string, object?> Values) mine)
    {
        var taken = new List<string>();
        var conflicts = new List<FieldConflict>();

        string MergeText(string field, string b, string t, string m)
        {
            var (value, fromTheirs, conflict) = MergeOne(b, t, m);
            if (fromTheirs) { taken.Add(field); }
            if (conflict) { conflicts.Add(new FieldConflict(field, b, t, m)); }
            return (string)value!;
        }

        var name = MergeText(NameField, baseVersion.Name.Trim(), theirs.Name.Trim(), mine.Name.Trim());
        var segment = MergeText(UrlSegmentField, baseVersion.UrlSegment, theirs.UrlSegment, mine.UrlSegment);

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var aliases = baseVersion.Values.Keys.Concat(theirs.Values.Keys).Concat(mine.Values.Keys).Distinct(StringComparer.Ordinal);
        foreach (var alias in aliases)
        {
            var b = baseVersion.Values.GetValueOrDefault(alias);
            var t = theirs.Values.GetValueOrDefault(alias);
            var m = mine.Values.GetValueOrDefault(alias);
            var (value, fromTheirs, conflict) = MergeOne(b, t, m);
            if (fromTheirs) { taken.Add(alias); }
            if (conflict) { conflicts.Add(new FieldConflict(alias, b, t, m)); }
            if (!ContentValues.IsEmpty(value))
            {
                values[alias] = value;
            }
        }

        return new MergeOutcome(name, segment, values, taken, conflicts);
    }

    /// <summary>True when two stored values are the same (empty values of any kind are equal).</summary>
    public static bool SameValue(object? a, object? b) => Canonical(a) == Canonical(b);

    private static (object? Value, bool FromTheirs, bool Conflict) MergeOne(object? b, object? t, object? m)
    {
        if (SameValue(m, t)) { return (m, false, false); }
        if (SameValue(m, b)) { return (t, true, false); }
        if (SameValue(t, b)) { return (m, false, false); }
        return (m, false, true);
    }

    private static string Canonical(object? value) =>
        ContentValues.Serialize(new Dictionary<string, object?> { ["v"] = value switch { string s => s.Trim(), false => null, _ => value } });
}
