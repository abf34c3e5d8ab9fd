using Komdir.Cms.Users;

namespace Komdir.Web.Backoffice.Users;

/// <summary>The roles' Danish names, as the backoffice and the audit log show them.</summary>
public static class RoleLabels
{
    public static string For(string? role) => role switch
    {
        BackofficeRoles.Administrator => "Administrator",
        BackofficeRoles.Editor => "Redaktør",
        BackofficeRoles.Writer => "Skribent",
        _ => "(ingen rolle)",
    };
}
