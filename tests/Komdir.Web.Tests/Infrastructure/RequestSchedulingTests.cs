using System.Text.RegularExpressions;
using Komdir.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>
/// Requests run on the socket event threads (ADR 0004). Code on those threads must never block waiting for another
/// asynchronous operation: the completion it waits for may need the very thread it blocks.
/// </summary>
public sealed partial class RequestSchedulingTests
{
    [Fact]
    public void No_source_file_waits_synchronously_for_a_task()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src");
        var offenders = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => SyncOverAsync().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(RepositoryPaths.Root, entry.file)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Blocking waits on tasks (see ADR 0004):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_guard_recognises_the_blocking_forms()
    {
        Assert.Matches(SyncOverAsync(), "var x = LoadAsync().Result;");
        Assert.Matches(SyncOverAsync(), "task.Wait();");
        Assert.Matches(SyncOverAsync(), "LoadAsync().GetAwaiter().GetResult();");
        Assert.Matches(SyncOverAsync(), "Task.WaitAll(tasks);");
        Assert.DoesNotMatch(SyncOverAsync(), "var result = await LoadAsync();");
        Assert.DoesNotMatch(SyncOverAsync(), "ScheduleResult.Fail(error)");
    }

    [Fact]
    public void Event_thread_scheduling_can_be_switched_off_by_configuration()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Server:InlineIoScheduling"] = "false" });

        builder.UseKomdirRequestScheduling();

        // Off: Kestrel's own transport options are left alone.
        using var app = builder.Build();
        var transport = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransportOptions>>().Value;
        Assert.False(transport.UnsafePreferInlineScheduling);
    }

    [Fact]
    public void Event_thread_scheduling_is_on_by_default()
    {
        var builder = WebApplication.CreateBuilder();

        builder.UseKomdirRequestScheduling();

        using var app = builder.Build();
        var transport = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransportOptions>>().Value;
        Assert.True(transport.UnsafePreferInlineScheduling);
        Assert.Equal("1", Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"));
    }

    [GeneratedRegex(@"\.Result\b(?!\s*\()|\.Wait\(\s*\)|GetAwaiter\(\)\.GetResult\(\)|Task\.WaitAll\(|Task\.WaitAny\(")]
    private static partial Regex SyncOverAsync();
}
