using System.Security.Claims;
using Komdir.Cms.Authorization;
using Komdir.Cms.Users;
using Microsoft.AspNetCore.Authorization;

namespace Komdir.Web.Backoffice;

/// <summary>
/// The backoffice's authorisation policies, defined once here and named by every backoffice page and endpoint.
/// </summary>
public static class BackofficePolicies
{
    /// <summary>Any signed-in secretariat member: Administrator, Editor or Writer.</summary>
    public const string Access = "Backoffice.Access";

    /// <summary>Publish, unpublish and schedule: Administrator or Editor.</summary>
    public const string Publish = "Backoffice.Publish";

    /// <summary>Create, change, lock and delete users: Administrator only.</summary>
    public const string ManageUsers = "Backoffice.ManageUsers";

    public static AuthorizationBuilder AddBackofficePolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Access, policy => policy.RequireAuthenticatedUser().RequireRole(BackofficeRoles.All))
        .AddPolicy(Publish, policy => policy.RequireAuthenticatedUser().RequireRole(CmsPermissions.RolesFor(CmsOperation.Publish)))
        .AddPolicy(ManageUsers, policy => policy.RequireAuthenticatedUser().RequireRole(CmsPermissions.RolesFor(CmsOperation.ManageUsers)));

    /// <summary>
    /// Whether a screen offers <paramref name="operation"/> to the user as their sign-in shows them. Only for showing
    /// buttons: the engine decides at the write itself, against the user's roles then (<see cref="IOperationAuthorizer"/>).
    /// </summary>
    public static bool MayOffer(this ClaimsPrincipal user, CmsOperation operation) =>
        user.Identity?.IsAuthenticated == true && CmsPermissions.RolesFor(operation).Any(user.IsInRole);
}
