namespace Komdir.Cms.Audit;

/// <summary>Who did what, to which node, and when. Written in the same transaction as the act itself.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset TimestampUtc { get; set; }

    /// <summary>The acting user's name (e-mail) or a system actor such as "import" or "scheduler".</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    public Guid? NodeKey { get; set; }

    /// <summary>A short human-readable detail, e.g. the version number or the new parent.</summary>
    public string? Details { get; set; }
}

/// <summary>The audit actions the engine writes.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Save = "save";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Rollback = "rollback";
    public const string Move = "move";
    public const string Copy = "copy";
    public const string Sort = "sort";
    public const string Trash = "trash";
    public const string Restore = "restore";
    public const string Delete = "delete";
    public const string Import = "import";
    public const string Schedule = "schedule";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string UserChange = "user-change";
    public const string Media = "media";
}
