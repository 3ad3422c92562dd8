namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// A birth place: an Italian comune (ISTAT code and province) or a foreign state (ISTAT state code), with the
/// codice catastale the fiscal code carries (a <c>Z</c> code for a state).
/// </summary>
public sealed record AnprPlace(string CadastralCode, string Name, string? IstatCode, string? Province, string? StateCode)
{
    public bool IsAbroad => StateCode is not null;

    public static AnprPlace Comune(string cadastralCode, string name, string istatCode, string province) =>
        new(cadastralCode, name, istatCode, province, null);

    public static AnprPlace State(string cadastralCode, string name, string stateCode) => new(cadastralCode, name, null, null, stateCode);
}
