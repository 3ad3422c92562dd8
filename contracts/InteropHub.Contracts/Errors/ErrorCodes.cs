namespace InteropHub.Contracts.Errors;

/// <summary>
/// The stable <c>code</c> of every problem the hub answers with. Clients branch on these; they never change meaning.
/// </summary>
public static class ErrorCodes
{
    // Authentication and authorisation.
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";

    // Input.
    public const string ValidationFailed = "validation-failed";
    public const string MalformedJson = "malformed-json";
    public const string PayloadTooLarge = "payload-too-large";
    public const string UriTooLong = "uri-too-long";
    public const string HeadersTooLarge = "headers-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string MissingHeader = "missing-header";
    public const string BadRequest = "bad-request";

    // Resources.
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string Conflict = "conflict";

    // Payments.
    public const string PaymentAlreadyPaid = "payment-already-paid";
    public const string PaymentNotModifiable = "payment-not-modifiable";

    // Idempotency.
    public const string IdempotencyKeyMissing = "idempotency-key-missing";
    public const string IdempotencyKeyInvalid = "idempotency-key-invalid";
    public const string IdempotencyKeyReuse = "idempotency-key-reuse";
    public const string IdempotencyInProgress = "idempotency-in-progress";

    // Limits.
    public const string RateLimited = "rate-limited";

    // Adapters and upstream platforms.
    public const string AdapterDisabled = "adapter-disabled";
    public const string UpstreamUnavailable = "upstream-unavailable";
    public const string UpstreamRejected = "upstream-rejected";
    public const string UpstreamTimeout = "upstream-timeout";

    // Anything the hub did not foresee; the detail never carries internals.
    public const string InternalError = "internal-error";
}
