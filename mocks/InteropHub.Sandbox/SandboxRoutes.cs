using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace InteropHub.Sandbox;

/// <summary>How the sandboxes' control endpoints are routed: a method and a path (a regex when it starts with <c>^</c>) to a callback.</summary>
internal static class SandboxRoutes
{
    public static void Map(WireMockServer server, string method, string path, Func<IRequestMessage, IResponseMessage> respond)
    {
        var request = Request.Create().UsingMethod(method);
        request = path.StartsWith('^') ? request.WithPath(new RegexMatcher(path)) : request.WithPath(path);
        server.Given(request).RespondWith(Response.Create().WithCallback(respond));
    }
}
