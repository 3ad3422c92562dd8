using System.Collections.Concurrent;

namespace InteropHub.Sandbox.Anpr;

/// <summary>The generated subjects of one comune, immutable; deaths recorded later live in the sandbox, not here.</summary>
public sealed class AnprPopulation
{
    // A spec always gives the same immutable population: one per process serves every sandbox started in it.
    private static readonly ConcurrentDictionary<AnprPopulationSpec, Lazy<AnprPopulation>> Generated = new();

    internal AnprPopulation(AnprPopulationSpec spec, IReadOnlyList<AnprSubject> subjects)
    {
        Spec = spec;
        Subjects = subjects;
    }

    public AnprPopulationSpec Spec { get; }

    public string Name => Spec.Name;

    public AnprComune Comune => Spec.Comune;

    public IReadOnlyList<AnprSubject> Subjects { get; }

    /// <summary>The population of a spec, generated on first use.</summary>
    public static AnprPopulation For(AnprPopulationSpec spec) =>
        Generated.GetOrAdd(spec, s => new Lazy<AnprPopulation>(() => PopulationGenerator.Generate(s))).Value;
}
