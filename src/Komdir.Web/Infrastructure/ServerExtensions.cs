using Microsoft.AspNetCore.SignalR;

namespace Komdir.Web.Infrastructure;

public static class ServerExtensions
{
    public const string Section = "Server";

    // Read by the runtime once, when the process first uses a socket asynchronously.
    private const string InlineSocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Runs request processing on the socket event threads instead of handing every read and write to the thread
    /// pool: the event-loop model of nginx. A cached page is a memory copy, so the two thread-pool hops per request
    /// cost as much as the work itself; without them Kestrel serves cached pages at close to nginx's rate on one core.
    /// The price is that code on those threads must never block waiting for another socket (no sync-over-async).
    /// Why, the measurements and the way back: docs/decisions/0004-event-loop-request-processing.md.
    /// <c>Server:InlineIoScheduling=false</c> restores Kestrel's default thread-pool dispatch.
    /// </summary>
    public static WebApplicationBuilder UseKomdirRequestScheduling(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue($"{Section}:InlineIoScheduling", true))
        {
            return builder;
        }

        // Set here, before anything in this process opens a socket (Kestrel binds and the database connects later);
        // a value given by the environment wins.
        if (Environment.GetEnvironmentVariable(InlineSocketCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineSocketCompletionsVariable, "1");
        }

        builder.WebHost.UseSockets(options => options.UnsafePreferInlineScheduling = true);
        // The backoffice's circuits (Blazor over SignalR) run editors' actions: database work, file uploads. Each hub
        // call moves to the thread pool first, so an editor's save never holds up readers on the event thread.
        builder.Services.Configure<HubOptions>(options => options.AddFilter<ThreadPoolHubFilter>());
        return builder;
    }

    private sealed class ThreadPoolHubFilter : IHubFilter
    {
        public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            await Task.Yield();
            return await next(invocationContext);
        }

        public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            await Task.Yield();
            await next(context);
        }
    }
}
