using InteropHub.Contracts.Pdnd;

namespace InteropHub.Adapters.Pdnd.Configuration;

/// <summary>One PDND e-service the hub calls (<c>Adapters:Pdnd:EServices:&lt;key&gt;</c>).</summary>
public sealed class EServiceOptions
{
    private static readonly Dictionary<string, ModiPatterns> PatternNames = new(StringComparer.Ordinal)
    {
        ["ID_AUTH_REST_01"] = ModiPatterns.IdAuthRest01,
        ["ID_AUTH_REST_02"] = ModiPatterns.IdAuthRest02,
        ["INTEGRITY_REST_01"] = ModiPatterns.IntegrityRest01,
        ["INTEGRITY_REST_02"] = ModiPatterns.IntegrityRest02,
        ["AUDIT_REST_01"] = ModiPatterns.AuditRest01,
        ["AUDIT_REST_02"] = ModiPatterns.AuditRest02,
    };

    /// <summary>False keeps the entry in configuration but refuses to build its handler. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The ModI audience the producer expects in <c>aud</c>, exactly as the PDND catalogue publishes it. It is its
    /// own value: ANPR's audience, for one, is not the base URL the hub calls.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The ModI patterns, by official name: <c>ID_AUTH_REST_01</c>, <c>ID_AUTH_REST_02</c>,
    /// <c>INTEGRITY_REST_01</c>, <c>INTEGRITY_REST_02</c>, <c>AUDIT_REST_01</c>, <c>AUDIT_REST_02</c>.
    /// One ID_AUTH pattern is required (the voucher).
    /// </summary>
    public List<string> Patterns { get; set; } = [];

    internal ModiEServiceProfile ToProfile(string key) =>
        new(key, Audience ?? "", Patterns.Aggregate(ModiPatterns.None, (all, name) => all | PatternNames[name]));

    internal IEnumerable<string> Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{path}:{nameof(Audience)}: is required (the e-service's ModI audience from the PDND catalogue).";
        }

        if (Patterns.Count == 0)
        {
            yield return $"{path}:{nameof(Patterns)}: name at least one ModI pattern ({string.Join(", ", PatternNames.Keys)}).";
            yield break;
        }

        foreach (var unknown in Patterns.Where(p => !PatternNames.ContainsKey(p)))
        {
            yield return $"{path}:{nameof(Patterns)}: '{unknown}' is not a ModI pattern ({string.Join(", ", PatternNames.Keys)}).";
        }

        if (!Patterns.Any(p => p.StartsWith("ID_AUTH_REST_", StringComparison.Ordinal)))
        {
            yield return $"{path}:{nameof(Patterns)}: an e-service reached through PDND needs ID_AUTH_REST_01 or ID_AUTH_REST_02 (the voucher).";
        }
    }
}
