namespace InteropHub.Sandbox.PagoPa;

/// <summary>GPD keeps euro cents; receipts and flows report decimal euro with two decimals (docs/platforms/pagopa.md §7).</summary>
internal static class Euro
{
    // Multiplying by 0.01m keeps the scale at two decimals: 30000 cents is 300.00, not 300.
    public static decimal FromCents(long cents) => cents * 0.01m;
}
