using InteropHub.Sandbox.Anpr;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Sandbox.Pdnd;
using WireMock.Server;

namespace InteropHub.Sandbox;

/// <summary>
/// The platform sandboxes (PDND, ANPR, pagoPA), one WireMock server each on a loopback port (a free one unless fixed),
/// in-process for tests and the hub's sandbox mode, or standalone through Program.
/// </summary>
public sealed class SandboxHost : IDisposable
{
    private readonly WireMockServer[] _servers;

    private SandboxHost(WireMockServer pdnd, WireMockServer anpr, WireMockServer pagoPa, PdndSandbox pdndSandbox, AnprSandbox anprSandbox, PagoPaSandbox pagoPaSandbox)
    {
        _servers = [pdnd, anpr, pagoPa];
        PdndUrl = PlatformServer.BaseUri(pdnd);
        AnprUrl = PlatformServer.BaseUri(anpr);
        PagoPaUrl = PlatformServer.BaseUri(pagoPa);
        Pdnd = pdndSandbox;
        Anpr = anprSandbox;
        PagoPa = pagoPaSandbox;
    }

    public Uri PdndUrl { get; }

    public Uri AnprUrl { get; }

    public Uri PagoPaUrl { get; }

    /// <summary>The PDND sandbox: registrations, faults, counters and signals for in-process use.</summary>
    public PdndSandbox Pdnd { get; }

    /// <summary>The ANPR sandbox: subjects, quotas, strict ModI, faults and counters for in-process use.</summary>
    public AnprSandbox Anpr { get; }

    /// <summary>The pagoPA sandbox: GPD debt positions, payments, faults and per-key counters for in-process use.</summary>
    public PagoPaSandbox PagoPa { get; }

    public static SandboxHost Start(SandboxSettings? settings = null)
    {
        settings ??= new SandboxSettings();
        var started = new List<WireMockServer>();
        try
        {
            var pdnd = Started(started, "pdnd", settings.Ports.Pdnd);
            var pdndSandbox = PdndSandbox.Attach(pdnd, settings.Pdnd, settings.TimeProvider);
            var anpr = Started(started, "anpr", settings.Ports.Anpr);

            // Strict ModI checks vouchers against the PDND sandbox's keys and issuer unless told otherwise.
            var anprSandbox = AnprSandbox.Attach(anpr, settings.Anpr with
            {
                VoucherJwksUrl = settings.Anpr.VoucherJwksUrl ?? pdndSandbox.JwksUrl,
                VoucherIssuer = settings.Anpr.VoucherIssuer ?? settings.Pdnd.VoucherIssuer,
            }, settings.TimeProvider);
            var pagoPa = Started(started, "pagopa", settings.Ports.PagoPa);
            var pagoPaSandbox = PagoPaSandbox.Attach(pagoPa, settings.PagoPa, settings.TimeProvider);
            return new SandboxHost(pdnd, anpr, pagoPa, pdndSandbox, anprSandbox, pagoPaSandbox);
        }
        catch
        {
            started.ForEach(server => server.Dispose());
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }
    }

    private static WireMockServer Started(List<WireMockServer> started, string platform, int port)
    {
        var server = PlatformServer.Start(platform, port);
        started.Add(server);
        return server;
    }
}
