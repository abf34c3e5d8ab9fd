using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Komdir.Cms.Persistence;

/// <summary>The SQLite flavour of the CMS database; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF stores DateTimeOffset as text, which it cannot compare or order in SQL.
        // Storing UTC ticks keeps "order by date" and "due before now" queries in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
