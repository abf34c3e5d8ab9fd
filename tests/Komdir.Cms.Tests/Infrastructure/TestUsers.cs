using System.Collections.Concurrent;
using Komdir.Cms.Authorization;
using Komdir.Cms.Users;

namespace Komdir.Cms.Tests.Infrastructure;

/// <summary>
/// The engine tests' stand-in for the site's users: an actor a test has not named here acts as an administrator (the
/// fixtures' "editor@test", "redaktoer-a" …); a named one has the role the test gave, can be locked or deleted, and is
/// judged by the engine's own permission table at every call, as the site's Identity-backed check is.
/// </summary>
public sealed class TestUsers : IOperationAuthorizer
{
    private readonly ConcurrentDictionary<string, TestUser> users = new(StringComparer.Ordinal);

    /// <summary>Every check the engine asked for, in order, so a test can see which operation a write was judged as.</summary>
    public ConcurrentQueue<(string Actor, CmsOperation Operation)> Checks { get; } = new();

    public void Add(string actor, string role) => users[actor] = new TestUser(role, Locked: false, Deleted: false);

    public void ChangeRole(string actor, string role) => users[actor] = users[actor] with { Role = role };

    public void Lock(string actor) => users[actor] = users[actor] with { Locked = true };

    public void Delete(string actor) => users[actor] = users[actor] with { Deleted = true };

    public Task<AuthorizationStatus> AuthorizeAsync(string actor, CmsOperation operation, CancellationToken cancellationToken = default)
    {
        Checks.Enqueue((actor, operation));
        if (!users.TryGetValue(actor, out var user))
        {
            return Task.FromResult(AuthorizationStatus.Allowed);
        }

        var status = user switch
        {
            { Deleted: true } => AuthorizationStatus.UnknownUser,
            { Locked: true } => AuthorizationStatus.LockedOut,
            _ when !CmsPermissions.Allows([user.Role], operation) => AuthorizationStatus.Forbidden,
            _ => AuthorizationStatus.Allowed,
        };
        return Task.FromResult(status);
    }

    private sealed record TestUser(string Role, bool Locked, bool Deleted);
}
