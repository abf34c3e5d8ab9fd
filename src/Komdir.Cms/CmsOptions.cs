namespace Komdir.Cms;

/// <summary>Settings of the engine, bound from the "Cms" configuration section.</summary>
public sealed class CmsOptions
{
    public const string Section = "Cms";

    /// <summary>The folder of content files; relative paths are taken from the host's content root.</summary>
    public string ContentFolder { get; set; } = "../../content";

    /// <summary>
    /// Import the content folder at start into a database that has never held content. A database that has
    /// (nodes, versions, media or audit entries) is never imported into again, even if its nodes were lost.
    /// </summary>
    public bool ImportWhenEmpty { get; set; } = true;

    /// <summary>
    /// May start-up create a missing database (file or schema) and seed it ("Cms:AllowFirstRun")? Unset means yes
    /// outside Production and no in Production, where a missing database is far likelier a mistyped path or a lost
    /// volume than a first run: there the site refuses to start until <c>content seed</c> has run or this is true.
    /// </summary>
    public bool? AllowFirstRun { get; set; }

    /// <summary>How often the scheduler looks for due publish/unpublish items ("Cms:SchedulerIntervalSeconds").</summary>
    public int SchedulerIntervalSeconds { get; set; } = 5;

    /// <summary>Rules for uploaded media ("Cms:Media").</summary>
    public MediaOptions Media { get; set; } = new();
}

/// <summary>Settings of the media library, bound from "Cms:Media".</summary>
public sealed class MediaOptions
{
    /// <summary>The largest file accepted, in bytes ("Cms:Media:MaxBytes"); 20 MB unless configured.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>Which database the engine uses, bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string ConnectionStringName = "Komdir";

    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSQL";

    /// <summary>"Sqlite" (default) or "PostgreSQL".</summary>
    public string Provider { get; set; } = Sqlite;

    public bool UsesPostgreSql => IsPostgreSql(Provider);

    public static bool IsPostgreSql(string? provider) =>
        string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
