namespace InteropHub.Sandbox.Anpr;

/// <summary>The ANPR sandbox's services, populations and gateway behaviour at start; all but the services can change later.</summary>
public sealed record AnprSandboxSettings
{
    /// <summary>Ten thousand answers, some tens of MB: a retry sent within the next thousands of calls is still replayed.</summary>
    public const int DefaultStoredOperations = 10_000;

    public IReadOnlyList<AnprService> Services { get; init; } = AnprService.Defaults;

    /// <summary>The comuni whose residents are generated; the collaudo test subjects are always there too.</summary>
    public IReadOnlyList<AnprPopulationSpec> Populations { get; init; } = AnprPopulationSpec.DemoTenants;

    /// <summary>
    /// Requests per consumer and service per day (Rome time), keyed by service code; a service not listed has no
    /// quota. For reference, collaudo purposes had C030 5,000, C020 2,000, C008 100 (docs/platforms/anpr.md §4).
    /// </summary>
    public IReadOnlyDictionary<string, int> DailyQuotas { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// How many <c>idOperazioneClient</c> the sandbox remembers (answers to replay, request counts), the oldest forgotten
    /// first; each consumer's highest numeric id and its answer are kept beyond it, so ordering is still enforced.
    /// </summary>
    public int StoredOperations { get; init; } = DefaultStoredOperations;

    /// <summary>The service codes whose requests must pass strict ModI verification; none by default.</summary>
    public IReadOnlySet<string> StrictModi { get; init; } = new HashSet<string>();

    /// <summary>Where the PDND voucher-signing keys are; null leaves voucher signatures unchecked. <see cref="SandboxHost"/> sets the PDND sandbox's.</summary>
    public Uri? VoucherJwksUrl { get; init; }

    /// <summary>The only <c>iss</c> a voucher may carry; null leaves it unchecked. <see cref="SandboxHost"/> sets the PDND sandbox's.</summary>
    public string? VoucherIssuer { get; init; }
}
