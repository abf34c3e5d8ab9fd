using Komdir.Cms.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Backoffice;

/// <summary>
/// Checks the sign-in cookie's security stamp against the database on every backoffice request (pages, sign-out and
/// the interactive circuit's connection), not once a minute: sign-out, a password change, a lock or a role change
/// give the user a new stamp, so a copied or replayed cookie is refused at once, on every node (the stamp lives in
/// the shared database). Elsewhere (a signed-in editor reading the public site) Identity's interval applies.
/// </summary>
public sealed class BackofficeSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<BackofficeUser> signInManager,
    ILoggerFactory logger)
    : SecurityStampValidator<BackofficeUser>(options, signInManager, logger)
{
    /// <summary>Blazor's circuit connects under /_blazor; only the backoffice is interactive (InteractiveOnlyInBackoffice).</summary>
    private static readonly PathString[] AlwaysChecked = ["/backoffice", "/_blazor"];

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var path = context.HttpContext.Request.Path;
        if (AlwaysChecked.Any(prefix => path.StartsWithSegments(prefix)) && await VerifySecurityStamp(context.Principal) is null)
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }

        // The interval's own check also renews the cookie with fresh claims now and then.
        await base.ValidateAsync(context);
    }
}
