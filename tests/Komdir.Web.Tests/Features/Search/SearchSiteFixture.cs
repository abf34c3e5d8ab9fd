using Komdir.Web.Features.Search;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.Search;

/// <summary>One site over the real content/ for the read-only search tests of a class (they do not change content).</summary>
public sealed class SearchSiteFixture : IDisposable
{
    public SearchSiteFixture()
    {
        Factory = new KomdirWebApplicationFactory();
        Client = Factory.CreateClient();
    }

    public KomdirWebApplicationFactory Factory { get; }

    public HttpClient Client { get; }

    public SearchService Search => Factory.Services.GetRequiredService<SearchService>();

    public IReadOnlyList<string> Urls(string query) =>
        Search.Search(new SearchRequest(query)).Hits.Select(h => h.Url).ToList();

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
