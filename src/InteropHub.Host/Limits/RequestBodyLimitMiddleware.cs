using InteropHub.Contracts.Errors;
using InteropHub.Host.Configuration;
using InteropHub.Host.Problems;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Limits;

/// <summary>
/// Bodies over <c>Hub:MaxRequestBodyBytes</c> (<c>Hub:MaxBulkRequestBodyBytes</c> for endpoints marked
/// <see cref="BulkUploadEndpoint"/>) get 413 payload-too-large: at once when <c>Content-Length</c> says so, and as soon
/// as a chunked body crosses the limit. Enforced here, not only by Kestrel, so it holds behind any server.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<HubOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var bulk = context.GetEndpoint()?.Metadata.GetMetadata<BulkUploadEndpoint>() is not null;
        var limit = bulk ? options.Value.MaxBulkRequestBodyBytes : options.Value.MaxRequestBodyBytes;
        if (bulk && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await Problem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload too large",
                $"The request body is larger than this hub accepts ({limit} bytes).");
            return;
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }

        await next(context);
    }

    /// <summary>Counts what is read and fails the read that crosses the limit; the exception handler answers 413.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException("The request body is larger than this hub accepts.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}

/// <summary>Marks an endpoint that takes a large streamed body (bulk uploads): the bulk body limit applies to it.</summary>
internal sealed class BulkUploadEndpoint
{
    public static BulkUploadEndpoint Instance { get; } = new();
}
