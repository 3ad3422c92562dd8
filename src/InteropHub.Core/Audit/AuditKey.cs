using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Audit;

/// <summary>
/// The audit key, held only as keys derived from it: one MACs the chain, one signs checkpoints, and a short fingerprint
/// (<see cref="Id"/>) tells which key wrote a checkpoint without revealing it.
/// </summary>
internal sealed class AuditKey
{
    public const int MinimumLength = 32;

    private readonly byte[] _chainKey;
    private readonly byte[] _checkpointKey;

    /// <summary>Derives the keys from <paramref name="secret"/>; <see cref="TryResolve"/> checks its length first.</summary>
    public AuditKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var bytes = Encoding.UTF8.GetBytes(secret);
        _chainKey = Derive(bytes, "interophub-audit-chain-v2");
        _checkpointKey = Derive(bytes, "interophub-audit-checkpoint-v1");
        Id = Convert.ToHexStringLower(Derive(bytes, "interophub-audit-key-id"))[..16];
        CryptographicOperations.ZeroMemory(bytes);
    }

    /// <summary>A fingerprint of the key, safe to print and log.</summary>
    public string Id { get; }

    /// <summary>Reads the key <paramref name="options"/> name; on failure, a message naming the setting and never the value.</summary>
    public static AuditKey? TryResolve(AuditOptions options, ISecretResolver secrets, out string? problem)
    {
        const string setting = AuditOptions.SectionPath + ":Key";
        if (options.Key.IsEmpty)
        {
            problem = $"{setting} is not set: set {setting}:File (a file holding a random secret of at least {MinimumLength} characters, " +
                $"e.g. from `openssl rand -base64 32`) or {setting}:Env. The key keeps the audit trail tamper-evident and must live outside the database.";
            return null;
        }

        string secret;
        try
        {
            secret = secrets.Resolve(options.Key);
        }
        catch (InvalidOperationException e)
        {
            problem = $"{setting}: {e.Message}";
            return null;
        }

        if (secret.Length < MinimumLength)
        {
            problem = $"{setting} ({options.Key}) is too short: an audit key needs at least {MinimumLength} characters (e.g. `openssl rand -base64 32`).";
            return null;
        }

        problem = null;
        return new AuditKey(secret);
    }

    /// <summary>The chain's MAC of <paramref name="canonical"/> (a record's canonical form), lower-case hex.</summary>
    public string MacChain(string canonical) => Mac(_chainKey, canonical);

    /// <summary>The signature of <paramref name="canonical"/> (a checkpoint's canonical form), lower-case hex.</summary>
    public string SignCheckpoint(string canonical) => Mac(_checkpointKey, canonical);

    private static string Mac(byte[] key, string canonical) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));

    private static byte[] Derive(byte[] secret, string purpose) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(purpose));
}
