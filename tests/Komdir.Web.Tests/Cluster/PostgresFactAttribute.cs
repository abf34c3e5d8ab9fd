using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Cluster;

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason shown, unless KOMDIR_TEST_POSTGRES is set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!KomdirWebApplicationFactory.UsesPostgres)
        {
            Skip = $"Needs PostgreSQL: set {KomdirWebApplicationFactory.PostgresVariable} to an admin connection string (.ci/postgres.sh start writes one).";
        }
    }
}
