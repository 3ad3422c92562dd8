using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr.Configuration;

/// <summary>The enabled ANPR e-services and their audiences, for <c>interophub doctor</c> (in the PDND adapter).</summary>
internal sealed class AnprEServiceSource(IOptions<AnprOptions> options) : IPdndEServiceSource
{
    /// <summary>The two operations of every ANPR e-service (docs/platforms/anpr.md §1.1).</summary>
    private static readonly string[] Operations = ["anpr-service-e002", "status"];

    public IReadOnlyList<PdndEServiceDeclaration> EnabledEServices() =>
        options.Value.EServices
            .Where(e => e.Value.Enabled)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new PdndEServiceDeclaration(
                AnprServiceCatalog.EServiceKey(e.Key), e.Value.Audience, $"Adapters:Anpr:EServices:{e.Key}:Audience", Operations))
            .ToList();
}
