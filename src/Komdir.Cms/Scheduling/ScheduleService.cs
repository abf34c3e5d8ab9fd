using Komdir.Cms.Audit;
using Komdir.Cms.Authorization;
using Komdir.Cms.Content;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Scheduling;

/// <summary>A publish or unpublish planned for a node, as the backoffice lists it.</summary>
public sealed record ScheduleItem(
    int Id,
    Guid NodeKey,
    ScheduledAction Action,
    DateTimeOffset DueUtc,
    string CreatedBy,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? CompletedUtc,
    string? FailureReason)
{
    public bool IsPending => CompletedUtc is null;

    public bool Failed => FailureReason is not null;
}

/// <summary>A planned item with the name of its page, for the dashboard's list.</summary>
public sealed record PendingSchedule(ScheduleItem Item, string NodeName);

/// <summary>The outcome of planning or cancelling; nothing is written unless it succeeded.</summary>
public sealed record ScheduleResult(int? ScheduleId, string? Error)
{
    public bool Succeeded => Error is null && Authorization == AuthorizationStatus.Allowed;

    /// <summary>Not <see cref="AuthorizationStatus.Allowed"/> when the actor may not (any longer) plan; the site says why.</summary>
    public AuthorizationStatus Authorization { get; init; }

    public static ScheduleResult Refused(AuthorizationStatus status) => new(null, null) { Authorization = status };

    public static ScheduleResult Ok(int id) => new(id, null);

    public static ScheduleResult Fail(string error) => new(null, error);
}

/// <summary>Plans publishes and unpublishes for later; <see cref="ScheduledPublishingService"/> carries them out.</summary>
public sealed class ScheduleService(IDbContextFactory<CmsDbContext> dbFactory, TimeProvider clock, IOperationAuthorizer authorizer)
{
    public Task<ScheduleResult> SchedulePublishAsync(Guid key, DateTimeOffset dueUtc, string actor, CancellationToken cancellationToken = default) =>
        ScheduleAsync(key, ScheduledAction.Publish, dueUtc, actor, cancellationToken);

    public Task<ScheduleResult> ScheduleUnpublishAsync(Guid key, DateTimeOffset dueUtc, string actor, CancellationToken cancellationToken = default) =>
        ScheduleAsync(key, ScheduledAction.Unpublish, dueUtc, actor, cancellationToken);

    /// <summary>Cancels a planned item that has not been carried out yet.</summary>
    public async Task<ScheduleResult> CancelAsync(int scheduleId, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Schedule, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ScheduleResult.Refused(refused);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.ContentSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        if (schedule is null)
        {
            return ScheduleResult.Fail("Planlægningen findes ikke (længere).");
        }

        if (schedule.CompletedUtc is not null)
        {
            return ScheduleResult.Fail("Planlægningen er allerede udført og kan ikke annulleres.");
        }

        var nodeKey = await db.ContentNodes.Where(n => n.Id == schedule.NodeId).Select(n => (Guid?)n.Key).SingleOrDefaultAsync(cancellationToken);

        // Conditional delete: if the scheduler claimed the row meanwhile, nothing is removed and the editor is told.
        var removed = await db.ContentSchedules.Where(s => s.Id == scheduleId && s.CompletedUtc == null).ExecuteDeleteAsync(cancellationToken);
        if (removed != 1)
        {
            return ScheduleResult.Fail("Planlægningen er allerede udført og kan ikke annulleres.");
        }

        db.AuditEntries.Add(new AuditEntry
        {
            Actor = actor,
            Action = AuditActions.Schedule,
            NodeKey = nodeKey,
            Details = $"annulleret: {Describe(schedule.Action)} {schedule.DueUtc:yyyy-MM-dd HH:mm} UTC",
            TimestampUtc = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ScheduleResult.Ok(scheduleId);
    }

    /// <summary>Every planned item of a node, pending and done, soonest first.</summary>
    public async Task<IReadOnlyList<ScheduleItem>> GetSchedulesAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await (from schedule in db.ContentSchedules.AsNoTracking()
                           join node in db.ContentNodes on schedule.NodeId equals node.Id
                           where node.Key == key
                           orderby schedule.DueUtc, schedule.Id
                           select new ScheduleItem(schedule.Id, node.Key, schedule.Action, schedule.DueUtc, schedule.CreatedBy, schedule.CreatedUtc, schedule.CompletedUtc, schedule.FailureReason))
            .ToListAsync(cancellationToken);
        return items;
    }

    /// <summary>Everything planned and not yet carried out, on every page not in the recycle bin, soonest first.</summary>
    public async Task<IReadOnlyList<PendingSchedule>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from schedule in db.ContentSchedules.AsNoTracking()
                          where schedule.CompletedUtc == null
                          join node in db.ContentNodes on schedule.NodeId equals node.Id
                          where node.TrashedUtc == null
                          join version in db.ContentVersions on new { NodeId = node.Id, Number = node.LatestVersionNumber } equals new { version.NodeId, version.Number }
                          orderby schedule.DueUtc, schedule.Id
                          select new { Item = new ScheduleItem(schedule.Id, node.Key, schedule.Action, schedule.DueUtc, schedule.CreatedBy, schedule.CreatedUtc, schedule.CompletedUtc, schedule.FailureReason), version.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PendingSchedule(r.Item, r.Name)).ToList();
    }

    private async Task<ScheduleResult> ScheduleAsync(Guid key, ScheduledAction action, DateTimeOffset dueUtc, string actor, CancellationToken cancellationToken)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Schedule, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ScheduleResult.Refused(refused);
        }

        var now = clock.GetUtcNow();
        if (dueUtc <= now)
        {
            return ScheduleResult.Fail("Tidspunktet er allerede passeret. Vælg et tidspunkt i fremtiden.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null || node.TrashedUtc is not null)
        {
            return ScheduleResult.Fail("Siden findes ikke (længere).");
        }

        var schedule = new ContentSchedule
        {
            NodeId = node.Id,
            Action = action,
            DueUtc = dueUtc.ToUniversalTime(),
            CreatedBy = actor,
            CreatedUtc = now,
        };
        db.ContentSchedules.Add(schedule);
        db.AuditEntries.Add(new AuditEntry
        {
            Actor = actor,
            Action = AuditActions.Schedule,
            NodeKey = key,
            Details = $"{Describe(action)} planlagt {schedule.DueUtc:yyyy-MM-dd HH:mm} UTC",
            TimestampUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ScheduleResult.Ok(schedule.Id);
    }

    internal static string Describe(ScheduledAction action) => action == ScheduledAction.Publish ? "udgivelse" : "afpublicering";
}
