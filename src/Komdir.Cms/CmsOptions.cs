namespace Komdir.Cms;

/// <summary>Settings of the engine, bound from the "Cms" configuration section.</summary>
public sealed class CmsOptions
{
    public const string Section = "Cms";

    /// <summary>The folder of content files; relative paths are taken from the host's content root.</summary>
    public string ContentFolder { get; set; } = "../../content";

    /// <summary>Import the content folder at start when the database has no content yet.</summary>
    public bool ImportWhenEmpty { get; set; } = true;

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
