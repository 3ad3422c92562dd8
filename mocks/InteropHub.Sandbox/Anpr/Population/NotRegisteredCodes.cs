namespace InteropHub.Sandbox.Anpr;

/// <summary>Valid fiscal codes of people who never entered ANPR: what EN122 "Soggetto non registrato in ANPR" is about.</summary>
internal static class NotRegisteredCodes
{
    /// <summary>The first <paramref name="limit"/> codes, always the same ones, that <paramref name="isTaken"/> does not claim.</summary>
    public static IReadOnlyList<string> Take(int limit, Func<string, bool> isTaken)
    {
        var codes = new List<string>(limit);
        for (var i = 0; codes.Count < limit; i++)
        {
            var sex = i % 2 == 0 ? AnprSex.Male : AnprSex.Female;
            var names = sex == AnprSex.Male ? NameLists.MaleNames : NameLists.FemaleNames;

            // No generated subject is called ASSENTE, so these codes are free unless someone adds them.
            var code = CodiceFiscaleCalculator.Compute("ASSENTE", names[i % names.Length], sex, new DateOnly(1950, 1, 1).AddDays(97 * i), "H501");
            if (!isTaken(code))
            {
                codes.Add(code);
            }
        }

        return codes;
    }
}
