namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// What to generate for one comune: the same name, comune, seed and size always give the same subjects (the name is part of the seed), fiscal
/// codes and idANPR. The name is how the population is asked for (the demo tenant's id, e.g. <c>demo-a</c>);
/// <c>Residents</c> counts living residents in Italy at least, with deceased, cancelled and AIRE subjects on top.
/// </summary>
public sealed record AnprPopulationSpec(string Name, AnprComune Comune, int Seed, int Residents = 2000)
{
    /// <summary>The demo tenants' comuni: <c>demo-a</c> in Bari, <c>demo-b</c> in Molfetta.</summary>
    public static IReadOnlyList<AnprPopulationSpec> DemoTenants { get; } =
    [
        new("demo-a", AnprComune.Bari, 1),
        new("demo-b", AnprComune.Molfetta, 1),
    ];
}
