using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>Secrets by environment-variable name, held in memory.</summary>
internal sealed class InMemorySecrets : ISecretResolver
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string Resolve(SecretReference reference) =>
        reference.Env is { } env && Values.TryGetValue(env, out var value)
            ? value
            : throw new InvalidOperationException($"Secret {reference} is not set.");
}
