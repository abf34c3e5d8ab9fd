using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Komdir.Cms.Persistence;

/// <summary>
/// The PostgreSQL flavour of the CMS database; its migrations live in Migrations/PostgreSql. DateTimeOffset maps to
/// timestamptz natively (Npgsql requires offset zero, which <see cref="TimeProvider.GetUtcNow"/> always gives).
/// </summary>
public sealed class PostgreSqlCmsDbContext(DbContextOptions<PostgreSqlCmsDbContext> options) : CmsDbContext(options);

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL context without a running server: generating migrations needs only
/// the model, never a connection.
/// </summary>
public sealed class PostgreSqlCmsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCmsDbContext>
{
    public PostgreSqlCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCmsDbContext>().UseNpgsql("Host=localhost;Database=komdir_design").Options);
}
