using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Stores;

/// <summary>The event types the hub emits; webhook subscriptions name these, a <c>prefix.*</c> wildcard, or <c>*</c>.</summary>
public static class EventTypes
{
    public const string PaymentCreated = "payment.created";
    public const string PaymentPaid = "payment.paid";
    public const string PaymentReported = "payment.reported";
    public const string PaymentExpired = "payment.expired";
    public const string PaymentCancelled = "payment.cancelled";
    public const string ReconciliationAnomaly = "reconciliation.anomaly";
    public const string RegistrySignal = "registry.signal";

    public static IReadOnlyList<string> All { get; } =
        [PaymentCreated, PaymentPaid, PaymentReported, PaymentExpired, PaymentCancelled, ReconciliationAnomaly, RegistrySignal];

    /// <summary>True for a known type, a wildcard over a known family (<c>payment.*</c>) or <c>*</c>.</summary>
    public static bool IsValidFilter(string filter) =>
        filter == "*"
        || All.Contains(filter, StringComparer.Ordinal)
        || (filter.EndsWith(".*", StringComparison.Ordinal) && All.Any(t => t.StartsWith(filter[..^1], StringComparison.Ordinal)));

    /// <summary>True when <paramref name="type"/> is selected by <paramref name="filter"/>.</summary>
    public static bool Matches(string filter, string type) =>
        filter == "*" || filter == type || (filter.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(filter[..^1], StringComparison.Ordinal));

    /// <summary>
    /// The scopes that read events of <paramref name="type"/>: the ones that read what the event is about through the
    /// API (payments and reconciliation are read with either payments scope), and <c>admin</c>, which reads every event.
    /// </summary>
    public static IReadOnlyList<string> ReadScopes(string type) => type[..(type.IndexOf('.', StringComparison.Ordinal) + 1)] switch
    {
        "registry." => RegistryReaders,
        "payment." or "reconciliation." => PaymentReaders,
        _ => AdminOnly,
    };

    private static readonly string[] RegistryReaders = [Scopes.RegistryRead, Scopes.Admin];
    private static readonly string[] PaymentReaders = [Scopes.PaymentsRead, Scopes.PaymentsWrite, Scopes.Admin];
    private static readonly string[] AdminOnly = [Scopes.Admin];
}
