namespace Komdir.Web.Backoffice.Content;

/// <summary>Role lists for [Authorize(Roles = ...)] on backoffice pages.</summary>
public static class BackofficeRoleNames
{
    /// <summary>Anyone with a backoffice role.</summary>
    public const string Any = Komdir.Cms.Users.BackofficeRoles.Administrator + "," + Komdir.Cms.Users.BackofficeRoles.Editor + "," + Komdir.Cms.Users.BackofficeRoles.Writer;

    /// <summary>Those who may publish.</summary>
    public const string Publishers = Komdir.Cms.Users.BackofficeRoles.Administrator + "," + Komdir.Cms.Users.BackofficeRoles.Editor;
}
