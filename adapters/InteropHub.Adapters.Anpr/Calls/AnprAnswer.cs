using InteropHub.Adapters.Anpr.E002;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Calls;

/// <summary>A successful answer of an ANPR e-service, with the call's ids and ANPR's warnings.</summary>
internal sealed record AnprAnswer(RispostaE002OK Body, AnprOperation Operation, IReadOnlyList<RegistryWarning> Warnings)
{
    public string Service => Operation.Service;
}
