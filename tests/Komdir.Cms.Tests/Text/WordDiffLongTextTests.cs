using System.Text;
using Komdir.Cms.Text;

namespace Komdir.Cms.Tests.Text;

/// <summary>Long bodies (a 60,000-character paste) still compare word by word where they differ.</summary>
public sealed class WordDiffLongTextTests
{
    [Fact]
    public void A_word_changed_in_a_long_body_is_shown_as_that_word()
    {
        var lines = new StringBuilder();
        for (var line = 0; line < 2_000; line++)
        {
            lines.Append($"Linje {line}: kommunaldirektørerne drøfter velfærd.\n");
        }

        var before = lines.ToString();
        var after = before.Replace("Linje 1000: kommunaldirektørerne", "Linje 1000: borgmestrene", StringComparison.Ordinal);

        var diff = WordDiff.Compare(before, after);

        Assert.Equal("kommunaldirektørerne", Assert.Single(diff, s => s.Kind == DiffKind.Deleted).Text);
        Assert.Equal("borgmestrene", Assert.Single(diff, s => s.Kind == DiffKind.Inserted).Text);
        Assert.Equal(before, string.Concat(diff.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Short_texts_compare_as_before()
    {
        var diff = WordDiff.Compare("Titel fra A", "Titel fra B");

        Assert.Equal([new(DiffKind.Unchanged, "Titel fra "), new(DiffKind.Deleted, "A"), new(DiffKind.Inserted, "B")], diff);
    }
}
