using System.Security.Cryptography;
using System.Text;

namespace InteropHub.Adapters.PagoPa.Resilience;

/// <summary>
/// APIM's subscription key, carried by every pagoPA call, and the identity the hub gives it where a name shows in logs
/// and metrics (pipeline instances, limiter partitions): a short hash, never the key.
/// </summary>
internal static class SubscriptionKey
{
    public const string Header = "Ocp-Apim-Subscription-Key";

    /// <summary>The identity of <paramref name="request"/>'s key, <c>no-key</c> without one (APIM refuses it with a 401).</summary>
    public static string IdOf(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Headers.TryGetValues(Header, out var values) ? values.FirstOrDefault() : null;
        return string.IsNullOrEmpty(key) ? "no-key" : Id(key);
    }

    /// <summary><c>key-</c> and the first 12 hex digits of the key's SHA-256.</summary>
    public static string Id(string key) => "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
}
