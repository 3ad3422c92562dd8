namespace InteropHub.Contracts.Errors;

/// <summary>
/// A failure with a stable problem code, thrown by adapters and Core and turned into an RFC 9457 answer by the host.
/// The detail must be safe to show the caller: no secrets, no fiscal codes, no stack.
/// </summary>
public class HubProblemException : Exception
{
    public HubProblemException(int status, string code, string title, string detail, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(detail, inner)
    {
        Status = status;
        Code = code;
        Title = title;
        RetryAfter = retryAfter;
    }

    public int Status { get; }

    public string Code { get; }

    public string Title { get; }

    /// <summary>When set, the answer carries <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Extra members of the problem document (e.g. an upstream correlation id).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
