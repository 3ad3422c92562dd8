namespace InteropHub.Sandbox.Anpr;

/// <summary>Numeric <c>idOperazioneClient</c> values of any length, compared as numbers ("0042" equals "42", "100" follows "99").</summary>
internal static class NumericId
{
    /// <summary>The id without leading zeros ("0" for zero), or null when it is not made of ASCII digits only.</summary>
    public static string? Normalize(string id)
    {
        if (id.Length == 0 || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var trimmed = id.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    /// <summary>Compares two normalized ids: the longer is the larger, equal lengths compare digit by digit.</summary>
    public static int Compare(string left, string right) =>
        left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
}
