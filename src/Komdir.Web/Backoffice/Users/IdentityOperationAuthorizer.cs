using Komdir.Cms.Authorization;
using Komdir.Cms.Users;
using Microsoft.AspNetCore.Identity;

namespace Komdir.Web.Backoffice.Users;

/// <summary>
/// The engine's permission check over the site's users: at every write it reads the acting user afresh from the
/// database (exists, not locked, current roles), so what a screen was allowed when it opened no longer counts.
/// The actor is the user's name (their e-mail address), as the screens pass it for the audit log.
/// </summary>
public sealed class IdentityOperationAuthorizer(IServiceScopeFactory scopes) : IOperationAuthorizer
{
    public async Task<AuthorizationStatus> AuthorizeAsync(string actor, CmsOperation operation, CancellationToken cancellationToken = default)
    {
        if (SystemActors.IsSystem(actor))
        {
            return AuthorizationStatus.Allowed;
        }

        // Identity's stores are scoped; the engine's services are singletons and may run on a circuit.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var user = await users.FindByNameAsync(actor);
        if (user is null)
        {
            return AuthorizationStatus.UnknownUser;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return AuthorizationStatus.LockedOut;
        }

        return CmsPermissions.Allows(await users.GetRolesAsync(user), operation) ? AuthorizationStatus.Allowed : AuthorizationStatus.Forbidden;
    }
}
