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
        .AddPolicy(Publish, policy => policy.RequireAuthenticatedUser().RequireRole(BackofficeRoles.Administrator, BackofficeRoles.Editor))
        .AddPolicy(ManageUsers, policy => policy.RequireAuthenticatedUser().RequireRole(BackofficeRoles.Administrator));
}
