using System.Text;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// SplitMix64: a generator whose sequence is fixed by its seed on every runtime, which <see cref="Random"/> does not
/// promise, so a population is the same on every machine and every .NET version.
/// </summary>
internal sealed class SeededRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>
    /// Starts from the seed and a salt (the population's name) scrambled together: plain SplitMix states of
    /// consecutive seeds would give the same sequence shifted by one draw.
    /// </summary>
    public SeededRandom(int seed, string salt)
    {
        // FNV-1a of the salt: stable across runs, unlike string.GetHashCode.
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(salt))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        _state = Mix(Mix((ulong)(uint)seed) ^ hash);
    }

    public ulong NextUInt64() => Mix(_state += Gamma);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + (int)(NextUInt64() % (ulong)(maxExclusive - min));

    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>A date in [<paramref name="from"/>, <paramref name="to"/>], both included.</summary>
    public DateOnly Date(DateOnly from, DateOnly to) => from.AddDays(Next(0, to.DayNumber - from.DayNumber + 1));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
