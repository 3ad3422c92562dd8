using System.Globalization;
using System.Text;

namespace InteropHub.Sandbox.Anpr;

/// <summary>The base codice fiscale of a person from surname, given name, sex, birth date and birth place code (docs/platforms/anpr.md §5).</summary>
public static class CodiceFiscaleCalculator
{
    private const string Vowels = "AEIOU";
    private const string MonthLetters = "ABCDEHLMPRST";

    /// <summary>
    /// The base code; <paramref name="placeCode"/> is the codice catastale of the birth comune (e.g. <c>H501</c>) or
    /// of the foreign state (<c>Z112</c>).
    /// </summary>
    public static string Compute(string surname, string givenName, AnprSex sex, DateOnly birthDate, string placeCode)
    {
        if (placeCode.Length != 4 || !char.IsAsciiLetterUpper(placeCode[0]) || placeCode.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException($"'{placeCode}' is not a codice catastale (a letter and three digits).", nameof(placeCode));
        }

        var day = birthDate.Day + (sex == AnprSex.Female ? 40 : 0);
        var first15 = string.Concat(
            SurnamePart(surname),
            GivenNamePart(givenName),
            (birthDate.Year % 100).ToString("00", CultureInfo.InvariantCulture),
            MonthLetters[birthDate.Month - 1].ToString(),
            day.ToString("00", CultureInfo.InvariantCulture),
            placeCode);
        return first15 + CodiceFiscale.CheckCharacter(first15);
    }

    private static string SurnamePart(string surname)
    {
        var letters = Letters(surname);
        return Pad(Consonants(letters) + VowelsOf(letters));
    }

    private static string GivenNamePart(string givenName)
    {
        var letters = Letters(givenName);
        var consonants = Consonants(letters);

        // Four or more consonants: the first, third and fourth.
        return consonants.Length >= 4
            ? string.Concat(consonants[0], consonants[2], consonants[3])
            : Pad(consonants + VowelsOf(letters));
    }

    private static string Pad(string part) => (part + "XXX")[..3];

    private static string Consonants(string letters) => string.Concat(letters.Where(c => !Vowels.Contains(c, StringComparison.Ordinal)));

    private static string VowelsOf(string letters) => string.Concat(letters.Where(c => Vowels.Contains(c, StringComparison.Ordinal)));

    /// <summary>Upper-case ASCII letters only: accents dropped, apostrophes and spaces removed.</summary>
    private static string Letters(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
