using System.Net;

namespace Komdir.Web.Tests.Infrastructure;

public sealed class SmokeTests
{
    [Fact]
    public async Task Health_endpoint_answers_200_once_content_is_imported()
    {
        using var factory = new KomdirWebApplicationFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
