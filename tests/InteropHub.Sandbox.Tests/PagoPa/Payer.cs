using InteropHub.Sandbox.PagoPa;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>Published notices paid on the host's clock: the receipts the receipt APIs and reporting flows are made of.</summary>
internal static class Payer
{
    /// <summary>Creates and publishes a 300.00 euro notice (transfers 100.00 + 200.00) for IUV <c>0100000000000000{n}</c> and pays it through <paramref name="pspId"/>.</summary>
    public static async Task<PagoPaReceipt> PaidNotice(this GpdHost host, int n, string pspId = "SANDBOXPSP01")
    {
        var iuv = $"0100000000000000{n}";
        await host.Create(Position($"IUPD-{n}", iuv), toPublish: true);
        return host.PagoPa.Pay(new PagoPaPayment(Org, Iuv: iuv) { PspId = pspId, ReceiptId = $"IUR-{n}" });
    }
}
