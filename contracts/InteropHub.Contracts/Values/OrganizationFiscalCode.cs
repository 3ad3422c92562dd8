using System.Diagnostics.CodeAnalysis;

namespace InteropHub.Contracts.Values;

/// <summary>
/// The 11-digit codice fiscale of a legal person (a comune, a company), with its check digit validated:
/// odd positions summed as they are, even positions doubled (minus 9 above 9), the last digit closes the sum to a multiple of 10.
/// </summary>
public readonly record struct OrganizationFiscalCode
{
    private readonly string? _value;

    private OrganizationFiscalCode(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("Uninitialised OrganizationFiscalCode.");

    public static OrganizationFiscalCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException("Not an 11-digit fiscal code with a valid check digit.");

    public static bool TryParse([NotNullWhen(true)] string? value, out OrganizationFiscalCode code)
    {
        code = default;
        var candidate = value?.Trim();
        if (candidate is not { Length: 11 } || !candidate.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = candidate[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        if ((10 - (sum % 10)) % 10 != candidate[10] - '0')
        {
            return false;
        }

        code = new OrganizationFiscalCode(candidate);
        return true;
    }

    public override string ToString() => Value;
}
