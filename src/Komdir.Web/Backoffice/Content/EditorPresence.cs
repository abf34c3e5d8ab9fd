using System.Collections.Concurrent;
using Komdir.Cms.Content;
using Komdir.Cms.Published;

namespace Komdir.Web.Backoffice.Content;

/// <summary>Someone with the editor of a node open.</summary>
public sealed record EditorViewer(string SessionId, string Name, DateTimeOffset SinceUtc);

/// <summary>
/// Who has which node's editor open, and news of saves, for the editors to show live (like WordPress's post lock,
/// without locking anyone out). Presence is kept in this process's memory: on several web nodes each shows the
/// editors connected to it; saves come through the content change handlers, so every node hears of them.
/// </summary>
public sealed class EditorPresence(TimeProvider clock) : IPublishedChangeObserver
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, EditorViewer>> viewers = new();

    /// <summary>Raised with the node's key when someone opens or leaves its editor.</summary>
    public event Action<Guid>? PresenceChanged;

    /// <summary>Raised with the node's key after a committed change to it (a save, a publish, …), here or on another node.</summary>
    public event Action<Guid>? ContentChanged;

    public void Join(Guid key, string sessionId, string name)
    {
        viewers.GetOrAdd(key, _ => new ConcurrentDictionary<string, EditorViewer>())[sessionId] = new EditorViewer(sessionId, name, clock.GetUtcNow());
        Raise(PresenceChanged, key);
    }

    public void Leave(Guid key, string sessionId)
    {
        if (viewers.TryGetValue(key, out var open) && open.TryRemove(sessionId, out _))
        {
            Raise(PresenceChanged, key);
        }
    }

    /// <summary>Everyone with the node open, first to arrive first.</summary>
    public IReadOnlyList<EditorViewer> ViewersOf(Guid key) =>
        viewers.TryGetValue(key, out var open) ? open.Values.OrderBy(v => v.SinceUtc).ToList() : [];

    public Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
    {
        foreach (var key in change.Change.Keys)
        {
            Raise(ContentChanged, key);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Tells each open editor in turn; one whose circuit just ended must not break the others, nor the user whose
    /// action raised the news.
    /// </summary>
    private static void Raise(Action<Guid>? handlers, Guid key)
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<Action<Guid>>() ?? [])
        {
            try
            {
                handler(key);
            }
            catch (ObjectDisposedException)
            {
                // That editor's circuit is gone; it unsubscribes as it is disposed.
            }
        }
    }
}
