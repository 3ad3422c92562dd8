using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Values;

namespace InteropHub.Adapters.Anpr.Registry;

/// <summary>What one registry question cost: the C030 lookup (when the idANPR was not cached) and the target service's answer.</summary>
internal sealed record RegistryExchange(FiscalCode FiscalCode, string IdAnpr, DateOnly ReferenceDate, AnprAnswer? Lookup, AnprAnswer Target)
{
    public IReadOnlyList<RegistryWarning> Warnings => [.. Lookup?.Warnings ?? [], .. Target.Warnings];

    public IReadOnlyList<AnprOperation> Operations => Lookup is null ? [Target.Operation] : [Lookup.Operation, Target.Operation];
}
