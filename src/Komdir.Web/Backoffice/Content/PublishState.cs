namespace Komdir.Web.Backoffice.Content;

/// <summary>What readers see of a node compared with its newest version.</summary>
public enum PublishState
{
    /// <summary>The newest version is the published one.</summary>
    Published,
    /// <summary>Published, with a newer draft not yet published.</summary>
    Draft,
    /// <summary>Not on the public site.</summary>
    Unpublished,
}

/// <summary>Role lists for [Authorize(Roles = ...)] on backoffice pages.</summary>
public static class BackofficeRoleNames
{
    /// <summary>Anyone with a backoffice role.</summary>
    public const string Any = Komdir.Cms.Users.BackofficeRoles.Administrator + "," + Komdir.Cms.Users.BackofficeRoles.Editor + "," + Komdir.Cms.Users.BackofficeRoles.Writer;

    /// <summary>Those who may publish.</summary>
    public const string Publishers = Komdir.Cms.Users.BackofficeRoles.Administrator + "," + Komdir.Cms.Users.BackofficeRoles.Editor;
}
