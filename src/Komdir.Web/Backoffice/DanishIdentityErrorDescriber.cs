using Microsoft.AspNetCore.Identity;

namespace Komdir.Web.Backoffice;

/// <summary>Identity's validation messages in Danish, as the administrator sees them in the users screen and the command line.</summary>
public sealed class DanishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Der opstod en ukendt fejl.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Brugeren er ændret af en anden i mellemtiden. Genindlæs og prøv igen.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Forkert adgangskode.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "E-mailadressen kan ikke bruges som brugernavn.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "E-mailadressen er ikke gyldig.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Der findes allerede en bruger med den e-mailadresse.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Der findes allerede en bruger med den e-mailadresse.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Rollen findes ikke.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Brugeren har allerede rollen.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Brugeren har ikke rollen.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Brugeren kan ikke låses.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Adgangskoden skal være mindst {length} tegn.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Adgangskoden skal indeholde mindst {uniqueChars} forskellige tegn.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
