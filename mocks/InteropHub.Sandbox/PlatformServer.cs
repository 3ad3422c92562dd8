using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace InteropHub.Sandbox;

/// <summary>Starts one platform's WireMock server on a free 127.0.0.1 port with its health endpoint.</summary>
internal static class PlatformServer
{
    // Bounds the in-memory request journal of a long-running standalone sandbox.
    private const int MaxRequestLogCount = 1000;

    public static WireMockServer Start(string platform)
    {
        // Port = 0 binds every interface; an explicit 127.0.0.1 URL with port 0 binds loopback only.
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
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

    public static Uri BaseUri(WireMockServer server) => new(server.Url!);
}
