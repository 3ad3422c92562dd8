using System.Collections.Concurrent;
using InteropHub.Contracts.Pdnd;

namespace InteropHub.Adapters.Anpr.Tests.TestSupport;

/// <summary>
/// Stands in for the PDND adapter: records the profile of every handler it builds and, per pass of a request
/// through a handler, the <see cref="ModiRequestContext"/> it carried; sets a signature header that changes per pass.
/// </summary>
internal sealed class FakeModiHandlerFactory : IModiHandlerFactory
{
    public const string SignatureHeader = "Agid-JWT-Signature";

    private int _passes;

    public ConcurrentQueue<ModiEServiceProfile> Profiles { get; } = new();

    /// <summary>When set, every pass throws it, as the PDND handler does when PDND refuses a voucher.</summary>
    public Exception? Failure { get; set; }

    public ConcurrentQueue<(string EServiceKey, ModiRequestContext Context)> Passes { get; } = new();

    public DelegatingHandler Create(string eServiceKey) => throw new InvalidOperationException("ANPR must describe its e-services itself.");

    public DelegatingHandler Create(ModiEServiceProfile profile)
    {
        Profiles.Enqueue(profile);
        return new Handler(this, profile);
    }

    private sealed class Handler(FakeModiHandlerFactory factory, ModiEServiceProfile profile) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = request.Options.TryGetValue(ModiRequestContext.OptionsKey, out var found)
                ? found
                : throw new InvalidOperationException("No ModiRequestContext on the request.");
            factory.Passes.Enqueue((profile.EServiceKey, context));
            if (factory.Failure is { } failure)
            {
                throw failure;
            }

            request.Headers.Remove(SignatureHeader);
            request.Headers.TryAddWithoutValidation(SignatureHeader, $"signature-{Interlocked.Increment(ref factory._passes)}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
