using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Moves a request that is not a cache hit off the socket event thread (ADR 0004), and keeps it off. Requests start
/// on an event thread, which also serves every other connection registered with it; a render, a search, an editor's
/// sign-in or a media download running there would hold up every cache hit behind it.
/// <para>
/// The first hop is not enough: with inline completions, the continuation of a socket read or write that had to
/// wait runs on the event thread that completed it. So on the miss path the request and response body features are
/// wrapped: after any read, write or flush that did not complete at once, the request hops back to the thread pool
/// before its own code runs again. Operations that complete synchronously (the usual case: the body came with the
/// headers, the output pipe had room) cost one check.
/// </para>
/// </summary>
public static class ThreadPoolRequests
{
    /// <summary>Runs <paramref name="next"/> on the thread pool, with the body features wrapped as described above.</summary>
    public static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        // Queues the rest of this method to the thread pool: the event thread returns to its socket events. (Already
        // on the pool, with Server:InlineIoScheduling=false or in the in-memory test server, it stays.)
        await LeaveEventThread();

        var features = context.Features;
        if (features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            // The server's body reader (Request.BodyReader) follows a replaced body stream, so this covers both.
            context.Request.Body = new ResumingStream(context.Request.Body);
        }

        if (features.Get<IHttpResponseBodyFeature>() is { } responseBody)
        {
            features.Set<IHttpResponseBodyFeature>(new ResponseBody(responseBody));
        }

        await next(context);
    }

    private static async ValueTask LeaveEventThread()
    {
        if (!Thread.CurrentThread.IsThreadPoolThread)
        {
            await Task.Yield();
        }
    }

    /// <summary>Awaits a pending operation, then continues on the thread pool rather than on the completing thread.</summary>
    private static async ValueTask<T> ResumeOnThreadPool<T>(ValueTask<T> pending)
    {
        var result = await pending.ConfigureAwait(false);
        await LeaveEventThread();
        return result;
    }

    private static async ValueTask ResumeOnThreadPool(ValueTask pending)
    {
        await pending.ConfigureAwait(false);
        await LeaveEventThread();
    }

    private static async Task ResumeOnThreadPool(Task pending)
    {
        await pending.ConfigureAwait(false);
        await LeaveEventThread();
    }

    private static ValueTask<T> Resume<T>(ValueTask<T> operation) => operation.IsCompleted ? operation : ResumeOnThreadPool(operation);

    private static ValueTask Resume(ValueTask operation) => operation.IsCompleted ? operation : ResumeOnThreadPool(operation);

    private static Task Resume(Task operation) => operation.IsCompleted ? operation : ResumeOnThreadPool(operation);

    private sealed class ResponseBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        private ResumingStream? stream;
        private ResumingPipeWriter? writer;

        public Stream Stream => stream ??= new ResumingStream(inner.Stream);

        public PipeWriter Writer => writer ??= new ResumingPipeWriter(inner.Writer);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => Resume(inner.StartAsync(cancellationToken));

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            Resume(inner.SendFileAsync(path, offset, count, cancellationToken));

        public Task CompleteAsync() => Resume(inner.CompleteAsync());
    }

    private sealed class ResumingPipeWriter(PipeWriter inner) : PipeWriter
    {
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes) => inner.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => Resume(inner.FlushAsync(cancellationToken));

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
            Resume(inner.WriteAsync(source, cancellationToken));

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }

    private sealed class ResumingStream(Stream inner) : Stream
    {
            public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Resume(inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Resume(inner.WriteAsync(buffer, cancellationToken));

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Resume(inner.FlushAsync(cancellationToken));

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        // The wrapper owns nothing: the server disposes its own streams at the end of the request.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
