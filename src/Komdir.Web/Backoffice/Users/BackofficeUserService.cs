using System.Security.Claims;
using Komdir.Cms.Audit;
using Komdir.Cms.Authorization;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Web.Backoffice.Users;

/// <summary>A backoffice user as the users screen and <c>users list</c> show it.</summary>
public sealed record BackofficeUserSummary(string Id, string Email, string? DisplayName, string? Role, bool IsLockedOut);

/// <summary>The outcome of a user change: success, or the Danish reasons it was refused.</summary>
public sealed record UserChangeResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static UserChangeResult Success { get; } = new(true, []);

    public static UserChangeResult Fail(params IEnumerable<string> errors) => new(false, errors.ToList());
}

/// <summary>
/// Who asks for a user change: an administrator signed in to the backoffice (checked against the database on
/// every change, so a demoted or locked administrator's open screen can do nothing), or the server's command line.
/// </summary>
public sealed record UserChangeActor(string Name, ClaimsPrincipal? Principal)
{
    public static UserChangeActor CommandLine { get; } = new("kommandolinje", null);

    public static UserChangeActor From(ClaimsPrincipal principal) =>
        new(principal.Identity?.Name ?? "ukendt", principal);
}

/// <summary>
/// Creates, changes, locks, unlocks and deletes backoffice users; every change is audited as "user-change".
/// Each call works in its own service scope, so an interactive screen never holds a database context for long.
/// </summary>
public sealed class BackofficeUserService(IServiceScopeFactory scopes, BackofficeAudit audit)
{
    public async Task<IReadOnlyList<BackofficeUserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Komdir.Cms.Persistence.CmsDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new BackofficeUserSummary(
            u.Id,
            u.Email ?? u.UserName ?? "",
            u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name).OrderBy(BackofficeRank).FirstOrDefault(),
            u.LockoutEnd is { } end && end > now)).ToList();
    }

    public async Task<UserChangeResult> CreateAsync(UserChangeActor actor, string email, string? displayName, string role, string password)
    {
        email = email.Trim();
        if (!BackofficeRoles.All.Contains(role))
        {
            return UserChangeResult.Fail($"Rollen skal være en af: {string.Join(", ", BackofficeRoles.All)}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        if (await RefuseAsync(users, actor) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            return UserChangeResult.Fail("Skriv en e-mailadresse.");
        }

        await EnsureRolesAsync(scope.ServiceProvider);
        var user = new BackofficeUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Failed(created);
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return Failed(added);
        }

        await audit.WriteAsync(actor.Name, AuditActions.UserChange, $"Oprettede {email} som {RoleLabels.For(role)}");
        return UserChangeResult.Success;
    }

    public async Task<UserChangeResult> ChangeRoleAsync(UserChangeActor actor, string userId, string role)
    {
        if (!BackofficeRoles.All.Contains(role))
        {
            return UserChangeResult.Fail($"Rollen skal være en af: {string.Join(", ", BackofficeRoles.All)}.");
        }

        return await ChangeAsync(actor, userId, mayBeSelf: false, async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current);
            if (!removed.Succeeded)
            {
                return (removed, null);
            }

            var added = await users.AddToRoleAsync(user, role);
            // A role change takes effect at the user's next request (see the security stamp interval).
            await users.UpdateSecurityStampAsync(user);
            return (added, $"Gav {user.Email} rollen {RoleLabels.For(role)}");
        });
    }

    public Task<UserChangeResult> LockAsync(UserChangeActor actor, string userId) =>
        ChangeAsync(actor, userId, mayBeSelf: false, async (users, user) =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            return (locked, $"Låste {user.Email}");
        });

    public Task<UserChangeResult> UnlockAsync(UserChangeActor actor, string userId) =>
        ChangeAsync(actor, userId, mayBeSelf: false, async (users, user) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return (unlocked, $"Låste {user.Email} op");
        });

    public Task<UserChangeResult> DeleteAsync(UserChangeActor actor, string userId) =>
        ChangeAsync(actor, userId, mayBeSelf: false, async (users, user) =>
        {
            var email = user.Email;
            var deleted = await users.DeleteAsync(user);
            return (deleted, $"Slettede {email}");
        });

    /// <summary>Finds a user by e-mail for the command line.</summary>
    public async Task<string?> FindIdByEmailAsync(string email)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        return (await users.FindByEmailAsync(email.Trim()))?.Id;
    }

    private async Task<UserChangeResult> ChangeAsync(
        UserChangeActor actor,
        string userId,
        bool mayBeSelf,
        Func<UserManager<BackofficeUser>, BackofficeUser, Task<(IdentityResult Result, string? Details)>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        if (await RefuseAsync(users, actor) is { } refused)
        {
            return refused;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserChangeResult.Fail("Brugeren findes ikke længere.");
        }

        // Nobody can lock, delete or demote themselves: there must always be an administrator left who can sign in.
        if (!mayBeSelf && actor.Principal is not null && users.GetUserId(actor.Principal) == user.Id)
        {
            return UserChangeResult.Fail("Du kan ikke ændre, låse eller slette din egen bruger.");
        }

        var (result, details) = await change(users, user);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        if (details is not null)
        {
            await audit.WriteAsync(actor.Name, AuditActions.UserChange, details);
        }

        return UserChangeResult.Success;
    }

    /// <summary>
    /// A signed-in actor must still exist, be unlocked and be an administrator right now: the same check as the engine's
    /// <see cref="IOperationAuthorizer"/>, by user id (the principal's) rather than name, with the same role table.
    /// </summary>
    private static async Task<UserChangeResult?> RefuseAsync(UserManager<BackofficeUser> users, UserChangeActor actor)
    {
        if (actor.Principal is null)
        {
            return null;
        }

        var self = await users.GetUserAsync(actor.Principal);
        if (self is null || await users.IsLockedOutAsync(self) || !CmsPermissions.Allows(await users.GetRolesAsync(self), CmsOperation.ManageUsers))
        {
            return UserChangeResult.Fail("Kun administratorer kan administrere brugere.");
        }

        return null;
    }

    /// <summary>The three roles exist in every database; they are created on first use, never shipped with users.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in BackofficeRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static int BackofficeRank(string? role) => role is null ? int.MaxValue : BackofficeRoles.All.ToList().IndexOf(role) is var i and >= 0 ? i : int.MaxValue - 1;

    private static UserChangeResult Failed(IdentityResult result) => UserChangeResult.Fail(result.Errors.Select(e => e.Description));
}
