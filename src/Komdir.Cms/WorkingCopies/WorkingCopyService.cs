using System.Text.Json;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.WorkingCopies;

/// <summary>A working copy as read back: what the user had typed, and when.</summary>
public sealed record WorkingCopySnapshot(
    Guid NodeKey,
    string Owner,
    int BasedOnVersion,
    string Name,
    string UrlSegment,
    IReadOnlyDictionary<string, string> Inputs,
    DateTimeOffset UpdatedUtc);

public enum WorkingCopySaveStatus
{
    Saved,
    NodeNotFound,
    TooLarge,
}

/// <summary>
/// Keeps each user's unsaved edits per node (one row per user and node, overwritten on each autosave), so a reload,
/// a lost connection or a server restart does not lose what was typed. Saving a version or discarding the edits
/// removes the row.
/// </summary>
public sealed class WorkingCopyService(IDbContextFactory<CmsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>All inputs together; far above any document type's fields (bodies allow 100,000 characters).</summary>
    public const int MaxTotalCharacters = 2_000_000;

    public async Task<WorkingCopySaveStatus> SaveAsync(
        Guid nodeKey,
        string owner,
        int basedOnVersion,
        string name,
        string urlSegment,
        IReadOnlyDictionary<string, string> inputs,
        CancellationToken cancellationToken = default)
    {
        if (name.Length + urlSegment.Length + inputs.Sum(i => i.Key.Length + i.Value.Length) > MaxTotalCharacters)
        {
            return WorkingCopySaveStatus.TooLarge;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ContentNodes.AnyAsync(n => n.Key == nodeKey, cancellationToken))
        {
            return WorkingCopySaveStatus.NodeNotFound;
        }

        var copy = await db.WorkingCopies.SingleOrDefaultAsync(w => w.NodeKey == nodeKey && w.Owner == owner, cancellationToken);
        if (copy is null)
        {
            copy = new WorkingCopy { NodeKey = nodeKey, Owner = owner };
            db.WorkingCopies.Add(copy);
        }

        copy.BasedOnVersion = basedOnVersion;
        copy.Name = name;
        copy.UrlSegment = urlSegment;
        copy.InputsJson = JsonSerializer.Serialize(inputs.OrderBy(i => i.Key, StringComparer.Ordinal).ToDictionary(i => i.Key, i => i.Value));
        copy.UpdatedUtc = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same user's other tab inserted the row first: overwrite that one instead.
            await using var retry = await dbFactory.CreateDbContextAsync(cancellationToken);
            await retry.WorkingCopies.Where(w => w.NodeKey == nodeKey && w.Owner == owner).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.BasedOnVersion, copy.BasedOnVersion)
                .SetProperty(w => w.Name, copy.Name)
                .SetProperty(w => w.UrlSegment, copy.UrlSegment)
                .SetProperty(w => w.InputsJson, copy.InputsJson)
                .SetProperty(w => w.UpdatedUtc, copy.UpdatedUtc), cancellationToken);
        }

        return WorkingCopySaveStatus.Saved;
    }

    public async Task<WorkingCopySnapshot?> GetAsync(Guid nodeKey, string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var copy = await db.WorkingCopies.AsNoTracking().SingleOrDefaultAsync(w => w.NodeKey == nodeKey && w.Owner == owner, cancellationToken);
        return copy is null
            ? null
            : new WorkingCopySnapshot(copy.NodeKey, copy.Owner, copy.BasedOnVersion, copy.Name, copy.UrlSegment,
                JsonSerializer.Deserialize<Dictionary<string, string>>(copy.InputsJson) ?? [], copy.UpdatedUtc);
    }

    /// <summary>Removes the user's working copy of the node (after a save, or when they discard it). True when there was one.</summary>
    public async Task<bool> DiscardAsync(Guid nodeKey, string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WorkingCopies.Where(w => w.NodeKey == nodeKey && w.Owner == owner).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
