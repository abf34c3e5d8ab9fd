using Komdir.Cms.Audit;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Audit;
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

    public Task SignOutAsync() => signInManager.SignOutAsync();
}
