namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// Two configured comuni (so sandbox mode is off) with keys of different scopes, declared by hash as an operator would.
/// </summary>
public static class TestTenants
{
    /// <summary>The environment variable holding configured test hubs' audit key; hub processes started by a test inherit it.</summary>
    public const string AuditKeyVariable = "INTEROPHUB_TEST_AUDIT_KEY";

    public const string AlphaAdminKey = "alpha-admin-key";
    public const string AlphaRegistryKey = "alpha-registry-key";
    public const string AlphaPaymentsKey = "alpha-payments-key";
    public const string BetaAdminKey = "beta-admin-key";

    static TestTenants() => Environment.SetEnvironmentVariable(AuditKeyVariable, "integration-tests-audit-key-0123456789abcdef");

    public static Dictionary<string, string?> Settings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Hub:Audit:Key:Env"] = AuditKeyVariable,
        // Tests send bursts (50 concurrent duplicates); only the rate-limit test sets a small bucket.
        ["Hub:RateLimit:Burst"] = "100000",
        ["Hub:RateLimit:PermitsPerPeriod"] = "100000",
        ["Hub:Tenants:0:Id"] = "alpha",
        ["Hub:Tenants:0:Name"] = "Comune di Alpha",
        ["Hub:Tenants:0:FiscalCode"] = "80015010723",
        ["Hub:Tenants:0:Scopes:0"] = "registry:read",
        ["Hub:Tenants:0:Scopes:1"] = "payments:read",
        ["Hub:Tenants:0:Scopes:2"] = "payments:write",
        ["Hub:Tenants:0:Scopes:3"] = "admin",
        ["Hub:Tenants:0:ApiKeys:0:Sha256"] = HubFactory.Sha256(AlphaAdminKey),
        ["Hub:Tenants:0:ApiKeys:0:Scopes:0"] = "admin",
        ["Hub:Tenants:0:ApiKeys:1:Sha256"] = HubFactory.Sha256(AlphaRegistryKey),
        ["Hub:Tenants:0:ApiKeys:1:Scopes:0"] = "registry:read",
        ["Hub:Tenants:0:ApiKeys:2:Sha256"] = HubFactory.Sha256(AlphaPaymentsKey),
        ["Hub:Tenants:0:ApiKeys:2:Scopes:0"] = "payments:read",
        ["Hub:Tenants:0:ApiKeys:2:Scopes:1"] = "payments:write",
        ["Hub:Tenants:1:Id"] = "beta",
        ["Hub:Tenants:1:Name"] = "Comune di Beta",
        ["Hub:Tenants:1:FiscalCode"] = "00306180720",
        ["Hub:Tenants:1:Scopes:0"] = "admin",
        ["Hub:Tenants:1:ApiKeys:0:Sha256"] = HubFactory.Sha256(BetaAdminKey),
        ["Hub:Tenants:1:ApiKeys:0:Scopes:0"] = "admin",
    };

    public static Dictionary<string, string?> With(params (string Key, string? Value)[] extra)
    {
        var settings = Settings();
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
