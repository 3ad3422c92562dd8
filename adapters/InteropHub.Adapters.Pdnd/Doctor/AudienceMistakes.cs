namespace InteropHub.Adapters.Pdnd.Doctor;

/// <summary>
/// The ways a configured ModI audience is commonly wrong (docs/platforms/anpr.md §3, §7: the first cause of GovWay's opaque 400):
/// the server URL's <c>-PDND</c> segment, an operation's path, a trailing slash, PDND's own client-assertion audience.
/// </summary>
internal static class AudienceMistakes
{
    /// <summary>What is wrong with <paramref name="audience"/> (empty when nothing known), and the audience without it.</summary>
    public static (IReadOnlyList<string> Problems, string Corrected) Find(string audience, IReadOnlyList<string> operations, string? clientAssertionAudience)
    {
        var problems = new List<string>();
        if (string.Equals(audience.Trim().TrimEnd('/'), clientAssertionAudience?.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("is PDND's client-assertion audience (Adapters:Pdnd:ClientAssertionAudience), not the e-service's");
            return (problems, audience);
        }

        var corrected = audience.Trim();
        if (corrected.EndsWith('/'))
        {
            problems.Add("ends with '/', and audiences are compared character by character");
            corrected = corrected.TrimEnd('/');
        }

        foreach (var operation in operations.Where(o => corrected.EndsWith("/" + o, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"ends with the operation '/{operation}', which is no part of the audience");
            corrected = corrected[..^(operation.Length + 1)].TrimEnd('/');
        }

        var segments = corrected.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].EndsWith("-PDND", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"has the '{segments[i]}' segment of the e-service's server URL, where the audience has '{segments[i][..^5]}'");
                segments[i] = segments[i][..^5];
            }
        }

        return (problems, string.Join('/', segments));
    }
}
