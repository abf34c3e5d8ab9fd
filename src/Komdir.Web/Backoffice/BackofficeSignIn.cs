using Komdir.Cms.Audit;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Audit;
using Komdir.Web.Backoffice.Users;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Komdir.Web.Backoffice;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>
/// Password sign-in with lockout, audited. The audit log (not the Serilog log) records who signed in; a failed
/// attempt names the account only when it exists, so typos and guesses of unknown addresses are never stored.
/// </summary>
public sealed class BackofficeSignIn(SignInManager<BackofficeUser> signInManager, BackofficeAudit audit)
{
    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password)
    {
        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long to refuse as a wrong password.
            users.PasswordHasher.HashPassword(new BackofficeUser(), password);
            await audit.WriteAsync("ukendt", AuditActions.SignInFailed, "Ukendt bruger");
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(user.Email ?? user.Id, AuditActions.SignIn, $"Bruger-id {user.Id}");
            return SignInOutcome.Succeeded;
        }

        var outcome = result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        await audit.WriteAsync(user.Email ?? user.Id, AuditActions.SignInFailed, $"Bruger-id {user.Id}{(result.IsLockedOut ? ", kontoen er låst" : "")}");
        return outcome;
    }

    /// <summary>
    /// Ends the session on the server too: a new security stamp makes every copy of the cookie (replayed, on another
    /// node, in another tab) fail its next check, and the user's other open circuits end at their next revalidation.
    /// </summary>
    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        var users = signInManager.UserManager;
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
    }

    /// <summary>
    /// The signed-in user changes their own password. A wrong current password counts as a failed sign-in (so this
    /// form cannot be used to guess it past the lockout); on success the sign-in cookie is renewed with the new
    /// security stamp, so sessions elsewhere end at their next check.
    /// </summary>
    public async Task<UserChangeResult> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var users = signInManager.UserManager;
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return UserChangeResult.Fail("Din bruger findes ikke længere eller er låst. Log ind igen.");
        }

        // ChangePasswordAsync checks the current password first (one hash, not two) and says so with PasswordMismatch.
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (changed.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
            await audit.WriteAsync(user.Email ?? user.Id, AuditActions.SignInFailed, $"Bruger-id {user.Id}, forkert nuværende adgangskode ved skift");
            return UserChangeResult.Fail("Den nuværende adgangskode er forkert.");
        }

        if (!changed.Succeeded)
        {
            return UserChangeResult.Fail(changed.Errors.Select(e => e.Description));
        }

        await users.ResetAccessFailedCountAsync(user);
        await signInManager.RefreshSignInAsync(user);
        await audit.WriteAsync(user.Email ?? user.Id, AuditActions.UserChange, $"Bruger-id {user.Id} skiftede sin adgangskode");
        return UserChangeResult.Success;
    }
}
