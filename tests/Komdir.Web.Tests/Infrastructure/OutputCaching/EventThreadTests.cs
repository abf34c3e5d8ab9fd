using System.Net;
using System.Net.Sockets;
using Komdir.Web.Features.Pages;
using Komdir.Web.Features.Strategy;
using Komdir.Web.PublicSite;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Infrastructure.OutputCaching;

/// <summary>
/// Cache hits run on the socket event threads, everything else on the thread pool (ADR 0004): a slow uncached
/// request must not hold up the cache hits of other connections on the same event thread. The site runs on a real
/// Kestrel with inline scheduling and socket completions inlined (the test host's runsettings), so without the hop to
/// the thread pool the blocked render would stop every connection its event thread serves.
/// </summary>
public sealed class EventThreadTests : IDisposable
{
    private readonly BlockingRenderSite site = new();

    public void Dispose() => site.Dispose();

    [InlinedSocketsFact]
    public async Task A_render_that_blocks_its_thread_does_not_hold_up_cache_hits()
    {
        Assert.True(await SocketCompletionsRunOnTheEventThread(), "socket completions are not inlined in this test host: run it with tests/Komdir.Web.Tests/Komdir.Web.Tests.runsettings");
        site.Start();

        // Several connections; the test host has one event thread (runsettings), so all of them share the blocked one.
        var readers = Enumerable.Range(0, (2 * Environment.ProcessorCount) + 2).Select(_ => site.NewClient()).ToList();
        using var slowClient = site.NewClient();
        try
        {
            // Each connection is opened and the page cached first; the slow request comes on an open connection too,
            // so it is read by an event thread, not by the thread pool that accepted the connection.
            foreach (var reader in readers)
            {
                (await reader.GetAsync(TestContent.FocusAreaPath)).EnsureSuccessStatusCode();
            }

            (await slowClient.GetAsync(TestContent.FocusAreaPath)).EnsureSuccessStatusCode();

            var slow = slowClient.GetAsync($"/norsk-kommunedirektorforum?blokeret={Guid.NewGuid():N}");
            await site.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // While the render holds its thread: every connection gets five hits. Bounded very generously, as the
            // machine may be loaded; without the hop they would all wait for the render's release (after 60 s).
            var hits = readers.Select(async reader =>
            {
                var ages = new List<bool>();
                for (var i = 0; i < 5; i++)
                {
                    using var response = await reader.GetAsync(TestContent.FocusAreaPath);
                    response.EnsureSuccessStatusCode();
                    ages.Add(response.Headers.Age is not null);
                }

                return ages;
            }).ToList();
            var all = Task.WhenAll(hits);
            var finished = await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(finished == all, "cache hits were held up while an uncached render blocked its thread");
            var results = await all;

            Assert.All(results.SelectMany(ages => ages), Assert.True);
            Assert.False(slow.IsCompleted, "the blocked render finished before the hits: the test proved nothing");
            Assert.True(site.Gate.RanOnThreadPool, "the uncached render ran on a socket event thread");

            site.Gate.Release.Set();
            using var slowResponse = await slow.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, slowResponse.StatusCode);
        }
        finally
        {
            site.Gate.Release.Set();
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>True when a socket's completion runs on the thread that saw the event, not on the thread pool.</summary>
    private static async Task<bool> SocketCompletionsRunOnTheEventThread()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var server = await listener.AcceptAsync();

        var buffer = new byte[1];
        var observed = server.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask()
            .ContinueWith(_ => !Thread.CurrentThread.IsThreadPoolThread, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await Task.Delay(50);
        await client.SendAsync(new byte[] { 1 }, SocketFlags.None);
        return await observed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Held by the blocking template: it says when the render has started, and blocks until released.</summary>
    public sealed class RenderGate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public bool RanOnThreadPool { get; set; }
    }

    /// <summary>A text page template that blocks its thread, as a long render or a slow search would.</summary>
    public sealed class BlockingTemplate : ComponentBase
    {
        [Inject]
        public RenderGate Gate { get; set; } = default!;

        [Parameter(CaptureUnmatchedValues = true)]
        public IReadOnlyDictionary<string, object>? Unmatched { get; set; }

        protected override void OnInitialized()
        {
            Gate.RanOnThreadPool = Thread.CurrentThread.IsThreadPoolThread;
            Gate.Entered.TrySetResult();
            Gate.Release.Wait(TimeSpan.FromSeconds(60));
        }
    }

    private sealed class BlockingRenderSite : KomdirWebApplicationFactory
    {
        public BlockingRenderSite()
        {
            // Port 0: the operating system picks a free port.
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        public RenderGate Gate { get; } = new();

        private Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

        public void Start()
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
        }

        /// <summary>A client with its own connection.</summary>
        public HttpClient NewClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(90) };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Gate);
                services.AddSingleton(new PageTemplates(new Dictionary<string, Type>
                {
                    [FocusArea.Alias] = typeof(FocusAreaPage),
                    [TextPage.Alias] = typeof(BlockingTemplate),
                }));
            });
        }
    }
}
