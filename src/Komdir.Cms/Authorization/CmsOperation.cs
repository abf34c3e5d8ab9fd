using Komdir.Cms.Users;

namespace Komdir.Cms.Authorization;

/// <summary>Every write the engine carries out, as its permission check names it.</summary>
public enum CmsOperation
{
    Create,
    Save,
    Copy,
    Rollback,
    Publish,
    Unpublish,
    Schedule,
    Move,
    Sort,
    Trash,
    Restore,
    Delete,
    MediaUpload,
    MediaRename,
    MediaReplace,

    /// <summary>Replacing the bytes of a file that a published page links to: readers see the change at once.</summary>
    MediaReplacePublished,
    MediaDelete,
    Redirects,
    ManageUsers,
}

/// <summary>
/// Which roles may carry out which operation: the one table the engine's checks, the site's policies and the screens'
/// buttons all read, so the rule is written once.
/// </summary>
public static class CmsPermissions
{
    private static readonly string[] Everyone = [BackofficeRoles.Administrator, BackofficeRoles.Editor, BackofficeRoles.Writer];
    private static readonly string[] Publishers = [BackofficeRoles.Administrator, BackofficeRoles.Editor];
    private static readonly string[] Administrators = [BackofficeRoles.Administrator];

    /// <summary>The roles that may carry out <paramref name="operation"/>.</summary>
    public static IReadOnlyList<string> RolesFor(CmsOperation operation) => operation switch
    {
        // Drafts: nothing a reader sees changes.
        CmsOperation.Create or CmsOperation.Save or CmsOperation.Copy or CmsOperation.Rollback
            or CmsOperation.MediaUpload or CmsOperation.MediaRename or CmsOperation.MediaReplace => Everyone,

        // What readers see, where it is, or what is lost: an editor's decision.
        CmsOperation.Publish or CmsOperation.Unpublish or CmsOperation.Schedule or CmsOperation.Move or CmsOperation.Sort
            or CmsOperation.Trash or CmsOperation.Restore or CmsOperation.Delete or CmsOperation.MediaReplacePublished
            or CmsOperation.MediaDelete or CmsOperation.Redirects => Publishers,

        CmsOperation.ManageUsers => Administrators,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Every operation must name its roles."),
    };

    /// <summary>True when one of <paramref name="roles"/> may carry out <paramref name="operation"/>.</summary>
    public static bool Allows(IEnumerable<string> roles, CmsOperation operation)
    {
        var allowed = RolesFor(operation);
        return roles.Any(role => allowed.Contains(role, StringComparer.Ordinal));
    }
}
