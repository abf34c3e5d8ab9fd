namespace Komdir.Cms.Authorization;

/// <summary>The answer of a permission check; anything but <see cref="Allowed"/> means nothing was written.</summary>
public enum AuthorizationStatus
{
    Allowed,

    /// <summary>No user by that name exists (any more): deleted, or never signed in.</summary>
    UnknownUser,

    /// <summary>The user exists but is locked out.</summary>
    LockedOut,

    /// <summary>The user's current roles do not include one that may carry out the operation.</summary>
    Forbidden,
}

/// <summary>
/// Checks, at the moment of each write, whether <c>actor</c> may carry it out now: the engine's services call it at
/// the top of every write, so a screen that was opened by someone since locked, demoted or deleted cannot write.
/// The site implements it over its users (ASP.NET Core Identity); the actor is the name the services already take for
/// the audit log. The engine's own actors (<see cref="SystemActors"/>) act for the site itself.
/// </summary>
public interface IOperationAuthorizer
{
    Task<AuthorizationStatus> AuthorizeAsync(string actor, CmsOperation operation, CancellationToken cancellationToken = default);
}

/// <summary>
/// The actors that are the site itself rather than a person: the content importer and the scheduler (carrying out
/// what an editor planned, checked when it was planned). None contains "@", and every user's name is an e-mail
/// address, so no user can be mistaken for one.
/// </summary>
public static class SystemActors
{
    public const string Import = "import";

    public const string Scheduler = "scheduler";

    public static bool IsSystem(string actor) => actor is Import or Scheduler;
}
