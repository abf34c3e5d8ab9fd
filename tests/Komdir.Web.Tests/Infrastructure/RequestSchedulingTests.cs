using Komdir.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>
/// Requests run on the socket event threads (ADR 0004). Code on those threads must never block waiting for another
/// asynchronous operation: the completion it waits for may need the very thread it blocks. The build enforces that
/// (the banned-API analyzer, see <see cref="BannedApiAnalyzerTests"/>); these tests cover the scheduling switch.
/// </summary>
public sealed class RequestSchedulingTests
{
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

}
