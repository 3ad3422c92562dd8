namespace InteropHub.Contracts.Tenancy;

/// <summary>A comune as configured (<c>Hub:Tenants</c> or one JSON file per tenant): identity and per-platform settings.</summary>
public sealed record TenantSettings
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>The comune's codice fiscale (11 digits, checksum validated at start).</summary>
    public string FiscalCode { get; init; } = "";

    /// <summary>The most an API key of this tenant may carry.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>API keys declared in configuration, by SHA-256 hash only.</summary>
    public IReadOnlyList<ApiKeySettings> ApiKeys { get; init; } = [];

    public TenantPdndSettings Pdnd { get; init; } = new();
    public TenantPagoPaSettings PagoPa { get; init; } = new();
}

/// <summary>An API key declared in configuration: its SHA-256 (64 hex characters) and the scopes it carries.</summary>
public sealed record ApiKeySettings
{
    public string Sha256 { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public string? Label { get; init; }
}

/// <summary>The tenant's PDND client and keys, and the purpose it has on each e-service.</summary>
public sealed record TenantPdndSettings
{
    /// <summary>The e-service client id (a UUID) used for vouchers with a purpose.</summary>
    public string? ClientId { get; init; }

    /// <summary>The "API Interop" client id used for Signal Hub (vouchers without purpose).</summary>
    public string? ApiInteropClientId { get; init; }

    /// <summary>Signing keys, one of them active; several allow rotation without downtime.</summary>
    public IReadOnlyList<PdndKeySettings> Keys { get; init; } = [];

    /// <summary>PurposeId per e-service name (the adapters' e-service keys, e.g. <c>anpr-c030</c>).</summary>
    public IReadOnlyDictionary<string, string> Purposes { get; init; } = new Dictionary<string, string>();
}

public sealed record PdndKeySettings
{
    /// <summary>The key id PDND computed at upload (RFC 7638 SHA-256 thumbprint, base64url, 43 characters).</summary>
    public string Kid { get; init; } = "";

    /// <summary>The RSA private key (PEM).</summary>
    public SecretReference PrivateKey { get; init; } = new();

    public bool Active { get; init; }
}

/// <summary>The tenant's pagoPA creditor (EC) settings.</summary>
public sealed record TenantPagoPaSettings
{
    /// <summary>Two-digit segregation code that opens the tenant's IUVs (aux digit 3).</summary>
    public string? SegregationCode { get; init; }

    /// <summary>IBANs the tenant may be credited on.</summary>
    public IReadOnlyList<string> Ibans { get; init; } = [];

    /// <summary>The GPD subscription key (<c>Ocp-Apim-Subscription-Key</c>); also used for GPD's paid-positions list.</summary>
    public SecretReference GpdSubscriptionKey { get; init; } = new();

    /// <summary>The key of the FdR product ("FDR - Flussi di rendicontazione [ORG]"); the GPD key when empty.</summary>
    public SecretReference FdrSubscriptionKey { get; init; } = new();

    /// <summary>The key of the Biz-Events receipts product; the GPD key when empty.</summary>
    public SecretReference BizEventsSubscriptionKey { get; init; } = new();
}
