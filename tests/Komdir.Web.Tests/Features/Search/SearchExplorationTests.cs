using Komdir.Web.Features.Search;
using Xunit.Abstractions;

namespace Komdir.Web.Tests.Features.Search;

public sealed class SearchExplorationTests(SearchSiteFixture site, ITestOutputHelper output) : IClassFixture<SearchSiteFixture>
{
    [Fact]
    public void Print()
    {
        foreach (var q in new[] { "rekruttering", "frisættelsen", "frisaettelse", "civilsamfundet", "civilsamfund", "samfund", "velfærd", "velfaerd", "ledelse", "loesninger", "pejlemaerker", "omraade", "kommunedirektør", "kompetanse", "topledelse", "\"(", "*", "~" })
        {
            var r = site.Search.Search(new SearchRequest(q));
            output.WriteLine($"== {q} ({r.Hits.Count}) all={r.MatchedAllWords}");
            foreach (var h in r.Hits.Take(6))
            {
                output.WriteLine($"  {h.Score:0.000} {h.Url} [{h.Type} {h.Period} {(h.IsArchived ? "ARKIV" : "")}] :: {string.Concat(h.Snippet.Select(s => s.IsMatch ? "[" + s.Text + "]" : s.Text))}");
            }
        }
    }
}
