using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InteropHub.Host.Problems;

namespace InteropHub.Host.Payments;

/// <summary>
/// Reads a bulk upload as it streams in — a JSON array or NDJSON (one payment per line) — one item at a time, hashing
/// every byte so the whole body has a fingerprint once read. An item that is not a payment object (not an object, an
/// unknown member, a wrong type) becomes that item's error; a body that is not JSON at all ends the read with a
/// <see cref="JsonException"/>.
/// </summary>
internal sealed class PaymentBatchReader(Stream body, bool ndjson, JsonSerializerOptions json) : IDisposable
{
    private readonly HashingStream _body = new(body);

    /// <summary>SHA-256 of the whole body, once <see cref="ReadAsync"/> has been read to the end.</summary>
    public string Hash => _body.Hash;

    public async IAsyncEnumerable<(PaymentRequest? Request, PaymentItemProblem? Problem)> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (ndjson)
        {
            using var reader = new StreamReader(_body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return Item(() => JsonSerializer.Deserialize<PaymentRequest>(line, json), $"Line {number}: ");
                }
            }
        }
        else
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(_body, json, cancellationToken))
            {
                yield return Item(() => element.Deserialize<PaymentRequest>(json), "");
            }
        }

        await _body.DrainAsync(cancellationToken);
    }

    public void Dispose() => _body.Dispose();

    /// <summary>One item read; a JSON problem in it (an unknown member, a wrong type) names the member path, as validation errors do.</summary>
    private (PaymentRequest?, PaymentItemProblem?) Item(Func<PaymentRequest?> read, string where)
    {
        try
        {
            return read() is { } request ? (request, null) : (null, new PaymentItemProblem("$", $"{where}not a payment object."));
        }
        catch (JsonException invalid)
        {
            var (path, text) = JsonProblems.Describe(invalid, typeof(PaymentRequest), json);
            return (null, new PaymentItemProblem(path == "$" ? path : path.TrimStart('$', '.'), where + text));
        }
    }

    /// <summary>A read-only pass-through that hashes what is read.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private string? _hash;

        public string Hash => _hash ??= Convert.ToHexStringLower(_sha.GetHashAndReset());

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _sha.AppendData(buffer, offset, read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _sha.AppendData(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>Reads (and hashes) whatever follows the last item, e.g. trailing whitespace.</summary>
        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            var chunk = new byte[8192];
            while (await ReadAsync(chunk, cancellationToken) > 0)
            {
            }
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _sha.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>Why one item of an upload is not a payment: the member path (<c>$</c> for the whole item) and a sentence.</summary>
internal sealed record PaymentItemProblem(string Field, string Message);
