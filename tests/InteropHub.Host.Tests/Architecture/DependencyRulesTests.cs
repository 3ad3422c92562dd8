using System.Reflection;

namespace InteropHub.Host.Tests.Architecture;

/// <summary>
/// The layers' dependency rules (docs/architecture.md), read from the compiled assemblies: Host → Core → Contracts ←
/// Adapters; an adapter references no other adapter, nor Core nor Host; the sandbox references nothing of the hub.
/// </summary>
public sealed class DependencyRulesTests
{
    private const string Contracts = "InteropHub.Contracts";
    private const string Core = "InteropHub.Core";
    private const string Host = "InteropHub.Host";
    private const string Sandbox = "InteropHub.Sandbox";

    private static readonly IReadOnlyList<Assembly> Hub = Load();

    public static TheoryData<string> Adapters() => [.. Hub.Select(a => a.GetName().Name!).Where(n => n.StartsWith("InteropHub.Adapters.", StringComparison.Ordinal))];

    [Fact]
    public void Every_platform_has_its_adapter_assembly()
    {
        Assert.Equal(["InteropHub.Adapters.Anpr", "InteropHub.Adapters.PagoPa", "InteropHub.Adapters.Pdnd"], Adapters().Select(row => row.Data).Order());
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void An_adapter_references_the_contracts_and_nothing_else_of_the_hub(string adapter)
    {
        var references = HubReferences(adapter);

        Assert.Equal([Contracts], references);
    }

    [Fact]
    public void The_contracts_reference_nothing_of_the_hub()
    {
        Assert.Empty(HubReferences(Contracts));
    }

    [Fact]
    public void Core_references_the_contracts_only()
    {
        Assert.Equal([Contracts], HubReferences(Core));
    }

    [Fact]
    public void The_sandbox_references_nothing_of_the_hub()
    {
        Assert.Empty(HubReferences(Sandbox));
    }

    private static List<string> HubReferences(string assembly) =>
        [.. Hub.Single(a => a.GetName().Name == assembly).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("InteropHub.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    // Every hub assembly beside the tests (the Host references each adapter and the sandbox, so the build copies them here).
    private static List<Assembly> Load() =>
        [.. Directory.GetFiles(AppContext.BaseDirectory, "InteropHub.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(n => Assembly.Load(n!))];
}
