using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace InteropHub.Adapters.Anpr.E002;

/// <summary>
/// An RFC 7807 problem from ANPR's GovWay gateway (docs/platforms/anpr.md §2.3): <c>InteroperabilityInvalidRequest</c> for any ModI
/// violation (deliberately opaque), <c>InvalidRequestContent</c>, <c>TooManyRequests</c>/<c>LimitExceeded</c>, …
/// The <c>detail</c> may quote the request, so the hub reads only the type and the transaction id.
/// </summary>
internal sealed record GovWayProblem
{
    public const string TransactionIdHeader = "GovWay-Transaction-ID";

    /// <summary>GovWay's kind of error on its own refusals (<c>LimitExceeded</c>, <c>TooManyRequests</c>, …).</summary>
    public const string ErrorTypeHeader = "GovWay-Transaction-ErrorType";

    /// <summary>GovWay's limit of simultaneous requests: the request reached nothing and may be sent again, unlike the quota's <c>LimitExceeded</c>.</summary>
    public const string TooManyRequests = "TooManyRequests";

    /// <summary>Whether GovWay's header says the response is a <see cref="TooManyRequests"/> refusal.</summary>
    public static bool IsTooManyRequests(HttpResponseHeaders? headers) =>
        headers is not null && headers.TryGetValues(ErrorTypeHeader, out var values) && values.Contains(TooManyRequests, StringComparer.Ordinal);

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>GovWay's transaction id, to quote to ANPR support.</summary>
    [JsonPropertyName("govway_id")]
    public string? GovWayId { get; init; }

    /// <summary>The last segment of <see cref="Type"/> without extension, e.g. <c>InteroperabilityInvalidRequest</c>.</summary>
    [JsonIgnore]
    public string? Kind => Type is null ? null : Path.GetFileNameWithoutExtension(Type.TrimEnd('/').Split('/')[^1]);
}
