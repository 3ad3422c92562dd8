using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace InteropHub.Sandbox;

/// <summary>Starts one platform's WireMock server on a 127.0.0.1 port (free unless given) with its health endpoint.</summary>
internal static class PlatformServer
{
    // Bounds the in-memory request journal of a long-running standalone sandbox.
    private const int MaxRequestLogCount = 1000;

    public static WireMockServer Start(string platform, int port = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        // Port = 0 binds every interface; an explicit 127.0.0.1 URL (with port 0: a free one) binds loopback only.
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = true,
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = MaxRequestLogCount,
        });
        server
            .Given(Request.Create().WithPath("/__sandbox/health").UsingGet())
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"platform":"{{platform}}","status":"ok"}"""));
        return server;
    }

    // WireMock names a fixed port's server "localhost" (bound on 127.0.0.1 and ::1); one spelling for every sandbox.
    public static Uri BaseUri(WireMockServer server) => new($"http://127.0.0.1:{server.Port}/");
}
