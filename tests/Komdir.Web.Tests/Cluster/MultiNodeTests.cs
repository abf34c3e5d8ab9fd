using System.Diagnostics;
using Komdir.Cms.Audit;
using Komdir.Cms.Cluster;
using Komdir.Cms.Content;
using Komdir.Cms.Import;
using Komdir.Cms.Persistence;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Komdir.Web.Tests.Cluster;

/// <summary>Two nodes of the site on one PostgreSQL database, as behind a load balancer.</summary>
public sealed class MultiNodeTests
{
    /// <summary>Generous for a loaded CI machine; a NOTIFY normally arrives in milliseconds.</summary>
    internal static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(2);

    [PostgresFact]
    public async Task A_title_published_on_one_node_is_shown_by_the_other_within_two_seconds()
    {
        using var nodeA = new KomdirWebApplicationFactory();
        using var clientA = nodeA.CreateClient();
        using var nodeB = new KomdirWebApplicationFactory(nodeA);
        using var clientB = nodeB.CreateClient();
        // Node B has rendered (and output-cached) the page before the change.
        Assert.Contains(TestContent.FocusAreaName, await clientB.GetStringAsync(TestContent.FocusAreaPath));

        await TestContent.RenameAndPublishAsync(nodeA.Services, TestContent.FocusAreaKey, "Civilsamfundet, rettet på node A");

        var elapsed = await PollUntilAsync(clientB, TestContent.FocusAreaPath, "Civilsamfundet, rettet på node A", PropagationLimit);
        Assert.True(elapsed <= PropagationLimit, $"Node B showed the change after {elapsed.TotalMilliseconds:F0} ms.");
    }

    [PostgresFact]
    public async Task A_node_that_missed_the_message_catches_up_from_the_audit_watermark()
    {
        using var nodeA = new KomdirWebApplicationFactory();
        using var clientA = nodeA.CreateClient();
        using var nodeB = new KomdirWebApplicationFactory(nodeA);
        nodeB.Settings["Cluster:CatchUpInterval"] = "00:00:01";
        using var clientB = nodeB.CreateClient();
        Assert.Contains(TestContent.FocusAreaName, await clientB.GetStringAsync(TestContent.FocusAreaPath));

        // A change committed with an audit entry but no NOTIFY, as if node B's connection had been down.
        await TestContent.RenameBehindTheCachesBackAsync(nodeA.Services, TestContent.FocusAreaKey, "Rettet uden besked");
        await using (var db = await nodeA.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync())
        {
            db.AuditEntries.Add(new AuditEntry { Actor = "test", Action = AuditActions.Publish, NodeKey = TestContent.FocusAreaKey, TimestampUtc = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var elapsed = await PollUntilAsync(clientB, TestContent.FocusAreaPath, "Rettet uden besked", TimeSpan.FromSeconds(10));
        Assert.True(elapsed <= TimeSpan.FromSeconds(10), $"Node B caught up after {elapsed.TotalMilliseconds:F0} ms.");
    }

    [PostgresFact]
    public async Task A_node_whose_listening_connection_was_cut_reconnects_and_catches_up()
    {
        using var nodeA = new KomdirWebApplicationFactory();
        using var clientA = nodeA.CreateClient();
        using var nodeB = new KomdirWebApplicationFactory(nodeA);
        using var clientB = nodeB.CreateClient();
        Assert.Contains(TestContent.FocusAreaName, await clientB.GetStringAsync(TestContent.FocusAreaPath));

        // Cut every listening session on this database (as a network drop or a database restart would), then change.
        await using (var connection = new NpgsqlConnection(nodeA.ConnectionString))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", connection);
            terminate.Parameters.AddWithValue("name", PostgreSqlClusterListener.ApplicationName);
            Assert.True(Convert.ToInt64(await terminate.ExecuteScalarAsync()) >= 1, "No listening session found to cut.");
        }

        await TestContent.RenameAndPublishAsync(nodeA.Services, TestContent.FocusAreaKey, "Rettet mens forbindelsen var nede");

        // The first reconnect comes after 1 s, and catches up at once.
        var elapsed = await PollUntilAsync(clientB, TestContent.FocusAreaPath, "Rettet mens forbindelsen var nede", TimeSpan.FromSeconds(10));
        Assert.True(elapsed <= TimeSpan.FromSeconds(10), $"Node B caught up after {elapsed.TotalMilliseconds:F0} ms.");
    }

    [PostgresFact]
    public async Task Two_nodes_starting_at_once_on_an_empty_database_import_the_content_once()
    {
        using var nodeA = new KomdirWebApplicationFactory();
        using var nodeB = new KomdirWebApplicationFactory(nodeA);

        // Both hosts migrate and import during start; start them on two threads at the same moment.
        await Task.WhenAll(Task.Run(() => nodeA.CreateClient()), Task.Run(() => nodeB.CreateClient()));

        await using var db = await nodeA.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();
        var imported = await db.AuditEntries.CountAsync(a => a.Actor == ContentImporter.Actor && a.Action == AuditActions.Import);
        var nodes = await db.ContentNodes.CountAsync();
        Assert.True(nodes > 10, $"Expected the content tree, found {nodes} nodes.");
        Assert.Equal(nodes, imported);
        Assert.Equal(nodes, await db.ContentNodes.Select(n => n.Key).Distinct().CountAsync());
    }

    [PostgresFact]
    public async Task A_sign_in_protected_with_one_nodes_keys_is_readable_on_the_other()
    {
        using var nodeA = new KomdirWebApplicationFactory();
        using var clientA = nodeA.CreateClient();
        using var nodeB = new KomdirWebApplicationFactory(nodeA);
        using var clientB = nodeB.CreateClient();
        var purpose = "Komdir.Tests.Cluster";

        var protectedOnA = nodeA.Services.GetDataProtector(purpose).Protect("login-ticket");
        var unprotectedOnB = nodeB.Services.GetDataProtector(purpose).Unprotect(protectedOnA);

        Assert.Equal("login-ticket", unprotectedOnB);
    }

    /// <summary>Requests the page until it contains the text or the limit passes; returns how long it took.</summary>
    internal static async Task<TimeSpan> PollUntilAsync(HttpClient client, string path, string expected, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        // Bounded: at most limit plus one request, then the caller's assertion fails with the time taken.
        while (true)
        {
            var body = await client.GetStringAsync(path);
            if (body.Contains(expected, StringComparison.Ordinal))
            {
                return stopwatch.Elapsed;
            }

            if (stopwatch.Elapsed > limit)
            {
                return stopwatch.Elapsed;
            }

            await Task.Delay(25);
        }
    }
}
