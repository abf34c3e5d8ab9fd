using Komdir.Cms.Users;
using Microsoft.AspNetCore.Identity;

namespace Komdir.Web.Backoffice;

/// <summary>
/// NIST-style passwords: length is checked by Identity's options (12+); beyond that only refuse the obvious,
/// a password that is the user's own e-mail address or user name.
/// </summary>
public sealed class BackofficePasswordValidator : IPasswordValidator<BackofficeUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<BackofficeUser> manager, BackofficeUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var candidate = password.Trim();
        var own = new[] { user.Email, user.UserName, user.Email?.Split('@')[0] };
        if (own.Any(value => !string.IsNullOrWhiteSpace(value) && string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordIsEmail",
                Description = "Adgangskoden må ikke være din e-mailadresse.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
