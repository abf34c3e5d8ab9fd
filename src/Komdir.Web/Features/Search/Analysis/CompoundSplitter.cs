namespace Komdir.Web.Features.Search.Analysis;

/// <summary>
/// Finds the parts of a Danish (or Norwegian) compound word: "civilsamfundsaktører" → "civilsamfund", "aktører",
/// "samfund"; "velfærdsmodel" → "velfærd", "model"; "topledelsen" → "ledelsen".
/// </summary>
/// <remarks>
/// A word is split in two where the parts are words the site itself uses (by stem, see <see cref="CompoundDictionary"/>),
/// allowing the linking letter between them ("velfærd-s-model", "børn-e-have"). Danish compounds are right-headed,
/// so a known last part with an unknown first part ("top|ledelsen", "civil|samfund") is accepted too, as is a known
/// first part followed by a part the site never uses alone ("samfund-s-kriser"). Found parts are split again, two
/// levels deep. Requiring a known part on a real boundary, rather than any dictionary word anywhere inside the word,
/// keeps "mulige" from containing "lige".
/// </remarks>
public sealed class CompoundSplitter(CompoundDictionary dictionary)
{
    private const int ShortestCompound = 7;
    private const int ShortestHead = 3;
    private const int ShortestTail = 4;
    private const int ShortestLoneTail = 5;
    private const int MaxDepth = 2;
    private const int MaxParts = 8;

    private readonly WordStemmer stemmer = new(dictionary.Language);

    // A text repeats its words and every split tries every boundary: remember what was looked up.
    private readonly Dictionary<string, bool> known = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Split(string word)
    {
        var parts = new List<string>();
        if (dictionary.Count > 0)
        {
            Split(word, 1, parts);
        }

        parts.RemoveAll(p => p == word);
        return parts;
    }

    private void Split(string word, int depth, List<string> parts)
    {
        if (word.Length < ShortestCompound || !word.All(char.IsLetter))
        {
            return;
        }

        for (var boundary = ShortestHead; boundary <= word.Length - ShortestTail && parts.Count < MaxParts; boundary++)
        {
            var head = KnownHead(word[..boundary]);
            var tail = word[boundary..];
            var tailKnown = IsKnown(tail);

            if (head is not null && tailKnown)
            {
                Add(head, depth, parts);
                Add(tail, depth, parts);
            }
            else if (tailKnown && tail.Length >= ShortestLoneTail)
            {
                Add(tail, depth, parts);
                if (boundary >= CompoundDictionary.ShortestWord)
                {
                    AddOnce(word[..boundary], parts);
                }
            }
            else if (head is not null)
            {
                Add(head, depth, parts);
            }
        }
    }

    /// <summary>The first part as a known word, with a linking "s" or "e" dropped when that makes it one.</summary>
    private string? KnownHead(string head)
    {
        if (head.Length >= CompoundDictionary.ShortestWord && IsKnown(head))
        {
            return head;
        }

        if (head.Length > CompoundDictionary.ShortestWord && head[^1] is 's' or 'e' && IsKnown(head[..^1]))
        {
            return head[..^1];
        }

        return null;
    }

    private bool IsKnown(string part)
    {
        if (part.Length < CompoundDictionary.ShortestWord)
        {
            return false;
        }

        if (!known.TryGetValue(part, out var isKnown))
        {
            isKnown = dictionary.ContainsStem(stemmer.Stem(part));
            known[part] = isKnown;
        }

        return isKnown;
    }

    private void Add(string part, int depth, List<string> parts)
    {
        if (AddOnce(part, parts) && depth < MaxDepth)
        {
            Split(part, depth + 1, parts);
        }
    }

    private static bool AddOnce(string part, List<string> parts)
    {
        if (parts.Count >= MaxParts || parts.Contains(part))
        {
            return false;
        }

        parts.Add(part);
        return true;
    }
}
