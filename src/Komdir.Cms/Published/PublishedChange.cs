using Komdir.Cms.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Cms.Published;

/// <summary>
/// One committed change as the published cache has applied it: the snapshot readers saw before, the one they see now
/// (the same instance when the change did not touch what is published, e.g. a draft save) and the change itself
/// (kind, node keys, whether it came from another node).
/// </summary>
public sealed record PublishedChange(PublishedSnapshot Previous, PublishedSnapshot Current, ContentChange Change)
{
    /// <summary>True when readers now get a different snapshot than before.</summary>
    public bool SnapshotReplaced => !ReferenceEquals(Previous, Current);

    /// <summary>The first fill at start: there was nothing before, so nothing "changed" for readers yet.</summary>
    public bool IsInitialLoad => Previous.Generation == 0;
}

/// <summary>
/// Reacts to a change after the published cache has applied it, outside the cache's swap lock. Registered with
/// <see cref="PublishedChangeObserverExtensions.AddPublishedChangeObserver{T}"/> at a <see cref="PublishedChangeStage"/>;
/// observers run one after another in stage order, one change at a time, in the order the snapshots were made.
/// </summary>
public interface IPublishedChangeObserver
{
    Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken);
}

/// <summary>
/// THE order in which observers learn of a change (the one place it is declared; docs/architecture.md draws it).
/// The published cache itself is step 0: it has already swapped the snapshot before any of these run.
/// Several observers at one stage run in registration order.
/// </summary>
public enum PublishedChangeStage
{
    /// <summary>
    /// Automatic redirects for routes that moved (previous → current snapshot), then the in-memory redirect table is
    /// reloaded. First, so an old address answers 301 as soon as its cached page is evicted in the next stage.
    /// </summary>
    Redirects = 100,

    /// <summary>Evicts the whole-page cache for the changed pages (and the pages that list them).</summary>
    PageCache = 200,

    /// <summary>Brings the search index up to the current snapshot.</summary>
    Search = 300,

    /// <summary>Tells the other web nodes (PostgreSQL NOTIFY), once this node's own state is current.</summary>
    Cluster = 400,

    /// <summary>
    /// Tells what watches changes without holding state readers depend on (open editors' presence news, metrics):
    /// last, so what they report is already true for every cache, the index and the other nodes.
    /// </summary>
    Notifications = 500,
}

/// <summary>An observer's place in the order; read by <see cref="PublishedChangeObservers"/>.</summary>
public sealed record PublishedChangeObserverRegistration(PublishedChangeStage Stage, Type ObserverType);

public static class PublishedChangeObserverExtensions
{
    /// <summary>Registers <typeparamref name="T"/> (a singleton) to learn of every applied change at <paramref name="stage"/>.</summary>
    public static IServiceCollection AddPublishedChangeObserver<T>(this IServiceCollection services, PublishedChangeStage stage)
        where T : class, IPublishedChangeObserver
    {
        services.AddSingleton<T>();
        services.AddSingleton(new PublishedChangeObserverRegistration(stage, typeof(T)));
        return services;
    }
}

/// <summary>
/// The registered observers in stage order. Resolved on first use, not at construction: observers read the published
/// cache themselves, and the cache needs this list, so resolving eagerly would be a cycle.
/// </summary>
public sealed class PublishedChangeObservers(IServiceProvider services)
{
    private readonly Lazy<IReadOnlyList<IPublishedChangeObserver>> ordered = new(() =>
        services.GetServices<PublishedChangeObserverRegistration>()
            .Select((registration, index) => (registration, index))
            .OrderBy(r => r.registration.Stage)
            .ThenBy(r => r.index)
            .Select(r => (IPublishedChangeObserver)services.GetRequiredService(r.registration.ObserverType))
            .ToList());

    /// <summary>No observers: for a cache that only serves a hand-built snapshot (component tests).</summary>
    public static PublishedChangeObservers None { get; } = new(new EmptyServiceProvider());

    public IReadOnlyList<IPublishedChangeObserver> InOrder => ordered.Value;

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IEnumerable<PublishedChangeObserverRegistration>) ? Array.Empty<PublishedChangeObserverRegistration>() : null;
    }
}
