using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Komdir.Cms.Persistence;

/// <summary>
/// The PostgreSQL flavour of the CMS database; its migrations live in Migrations/PostgreSql. DateTimeOffset maps to
/// timestamptz natively.
/// </summary>
public sealed class PostgreSqlCmsDbContext(DbContextOptions<PostgreSqlCmsDbContext> options) : CmsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Npgsql writes timestamptz only from offset zero; a time entered in Danish local time (+01:00/+02:00), say a
        // publishing schedule, is the same instant in UTC. Values read back are UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);
}

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL context without a running server: generating migrations needs only
/// the model, never a connection.
/// </summary>
public sealed class PostgreSqlCmsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCmsDbContext>
{
    public PostgreSqlCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCmsDbContext>().UseNpgsql("Host=localhost;Database=komdir_design").Options);
}
