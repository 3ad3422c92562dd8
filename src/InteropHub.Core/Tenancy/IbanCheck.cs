namespace InteropHub.Core.Tenancy;

/// <summary>The ISO 13616 IBAN check: country letters, two check digits, and the whole number mod 97 equal to 1.</summary>
internal static class IbanCheck
{
    public static bool IsValid(string? iban)
    {
        if (iban is null || iban.Length is < 15 or > 34
            || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])
            || !iban.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            return false;
        }

        // The first four characters move to the end; letters count as 10..35; the remainder is folded digit by digit.
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = ((remainder * (value < 10 ? 10 : 100)) + value) % 97;
        }

        return remainder == 1;
    }
}
