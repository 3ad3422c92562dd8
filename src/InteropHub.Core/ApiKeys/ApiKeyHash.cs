using System.Security.Cryptography;
using System.Text;

namespace InteropHub.Core.ApiKeys;

/// <summary>The SHA-256 of an API key, the only form in which keys are stored or configured.</summary>
internal static class ApiKeyHash
{
    public static byte[] Compute(string plaintextKey) => SHA256.HashData(Encoding.UTF8.GetBytes(plaintextKey));

    public static string ComputeHex(string plaintextKey) => Convert.ToHexStringLower(Compute(plaintextKey));

    /// <summary>The hash bytes of a 64-character hex string (either case), or null when it is not one.</summary>
    public static byte[]? TryParseHex(string? hex)
    {
        if (hex is not { Length: 64 } || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return Convert.FromHexString(hex);
    }
}
