namespace InteropHub.Contracts.Tenancy;

/// <summary>The scopes an API key can carry; each endpoint group requires one.</summary>
public static class Scopes
{
    public const string RegistryRead = "registry:read";
    public const string PaymentsRead = "payments:read";
    public const string PaymentsWrite = "payments:write";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [RegistryRead, PaymentsRead, PaymentsWrite, Admin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
