namespace InteropHub.Core.Reconciliation;

/// <summary>FdR's decimal euro as exact cents (docs/platforms/pagopa.md §7): a value with more than two decimals is refused, never rounded.</summary>
internal static class FlowAmount
{
    public static long ToCents(decimal euro, string what)
    {
        var cents = euro * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException($"The {what} {euro} has more than two decimals.", nameof(euro));
        }

        return decimal.ToInt64(cents);
    }
}
