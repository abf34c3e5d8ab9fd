using Komdir.Web.Features.Search;
using Komdir.Web.Features.Search.Analysis;

namespace Komdir.Web.Tests.Features.Search;

/// <summary>The Danish analysis on its own: compound splitting, folding, roots, snippets and query sanitising.</summary>
public sealed class SearchAnalysisTests
{
    private static readonly CompoundDictionary Dictionary = CompoundDictionary.Build(SearchLanguage.Danish,
    [
        "Civilsamfundet og samfundet. Aktører, modeller og velfærd. Ledelse og ledelsen. Udfordringer og rekruttering. Mulige løsninger og lige vilkår.",
    ]);

    [Theory]
    [InlineData("civilsamfundsaktører", "civilsamfund", "samfund")]
    [InlineData("velfærdsmodel", "velfærd", "model")]
    [InlineData("topledelsen", "ledelsen", null)]
    [InlineData("rekrutteringsudfordringer", "udfordringer", null)]
    public void Compounds_are_split_into_known_parts(string word, string part, string? otherPart)
    {
        var parts = new CompoundSplitter(Dictionary).Split(word);

        Assert.Contains(part, parts);
        if (otherPart is not null)
        {
            Assert.Contains(otherPart, parts);
        }
    }

    [Theory]
    [InlineData("mulige")]      // contains "lige", but "mu" is no word
    [InlineData("samfund")]     // a known word on its own is not a compound
    [InlineData("model")]
    public void Words_that_are_not_compounds_are_left_alone(string word)
    {
        Assert.Empty(new CompoundSplitter(Dictionary).Split(word));
    }

    [Fact]
    public void An_empty_dictionary_splits_nothing()
    {
        Assert.Empty(new CompoundSplitter(CompoundDictionary.Empty(SearchLanguage.Danish)).Split("civilsamfundsaktører"));
    }

    [Theory]
    [InlineData("velfærd", "velfaerd")]
    [InlineData("løsninger", "loesninger")]
    [InlineData("område", "omraade")]
    [InlineData("Frisættelse", "frisaettelse")]
    [InlineData("idéer", "ideer")]
    public void Danish_letters_and_their_ascii_spellings_analyse_alike(string danish, string typed)
    {
        Assert.Equal(Terms(SearchFieldKind.Text, danish), Terms(SearchFieldKind.Text, typed));
    }

    [Theory]
    [InlineData("rekruttering", "rekruttere")]
    [InlineData("udvikling", "udvikle")]
    public void The_loose_field_meets_verbal_nouns_and_verbs(string noun, string verb)
    {
        Assert.Equal(Terms(SearchFieldKind.Loose, noun), Terms(SearchFieldKind.Loose, verb));
        Assert.NotEqual(Terms(SearchFieldKind.Text, noun), Terms(SearchFieldKind.Text, verb));
    }

    [Fact]
    public void Stop_words_give_no_terms()
    {
        Assert.Empty(Terms(SearchFieldKind.Text, "og i det"));
    }

    [Fact]
    public void Query_text_is_capped_and_reduced_to_words()
    {
        var parsed = SearchQueryText.Parse("  \"velfærd\"~2 AND (civil* " + new string('x', 500));

        Assert.True(parsed.Text.Length <= SearchQueryText.MaxLength);
        Assert.Equal(["velfærd", "2", "AND", "civil"], parsed.Words.Take(4));
        Assert.True(SearchQueryText.Parse("  ").IsEmpty);
        Assert.Empty(SearchQueryText.Parse("\"( * ~").Words);
        Assert.Equal(SearchQueryText.MaxWords, SearchQueryText.Parse(string.Join(' ', Enumerable.Range(0, 40).Select(i => "ord" + i))).Words.Count);
    }

    [Fact]
    public void Snippet_marks_the_words_that_match_and_cuts_around_them()
    {
        var text = string.Concat(Enumerable.Repeat("Indledende tekst uden betydning. ", 20)) + "Vi vil styrke velfærdssamfundet og civilsamfundet. " + string.Concat(Enumerable.Repeat("Afsluttende tekst. ", 20));
        var dictionary = CompoundDictionary.Build(SearchLanguage.Danish, [text, "velfærd samfund"]);
        var terms = Terms(SearchFieldKind.Loose, "velfaerd").ToHashSet();

        var snippet = SnippetBuilder.Snippet(text, SearchLanguage.Danish, dictionary, terms);

        Assert.Equal(["velfærdssamfundet"], snippet.Where(s => s.IsMatch).Select(s => s.Text));
        Assert.StartsWith("… ", snippet[0].Text);
        Assert.EndsWith(" …", snippet[^1].Text);
        Assert.True(string.Concat(snippet.Select(s => s.Text)).Length <= SnippetBuilder.SnippetLength + 4);
    }

    [Fact]
    public void Snippet_without_matches_is_the_start_of_the_text()
    {
        var snippet = SnippetBuilder.Snippet("Kort tekst.\n\nMed to afsnit.", SearchLanguage.Danish, Dictionary, new HashSet<string> { "velfaerd" });

        Assert.Equal("Kort tekst. Med to afsnit.", string.Concat(snippet.Select(s => s.Text)));
        Assert.DoesNotContain(snippet, s => s.IsMatch);
    }

    private static List<string> Terms(SearchFieldKind kind, string text) =>
        KomdirSearchAnalyzer.Analyze(kind, SearchLanguage.Danish, null, text).Select(t => t.Term).ToList();
}
