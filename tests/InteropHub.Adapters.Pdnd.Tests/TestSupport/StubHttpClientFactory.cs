namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>An <see cref="IHttpClientFactory"/> that hands every name a client over one stub handler.</summary>
internal sealed class StubHttpClientFactory(HttpMessageHandler handler, Uri baseAddress) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { BaseAddress = baseAddress };
}
