using System.Net;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public void Each_factory_uses_its_own_temporary_database()
    {
        using var factory = new KomdirWebApplicationFactory();
        using var db = factory.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContext();

        var connection = db.Database.GetDbConnection();
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            Assert.Equal(new Npgsql.NpgsqlConnectionStringBuilder(factory.ConnectionString).Database, connection.Database);
        }
        else
        {
            Assert.Equal(factory.ConnectionString.Replace("Data Source=", "", StringComparison.Ordinal), connection.DataSource);
        }
    }
}
