namespace InteropHub.Sandbox.Anpr;

/// <summary>A comune whose residents the sandbox generates: names, codes and the postcodes its addresses use.</summary>
public sealed record AnprComune(string Name, string IstatCode, string Province, string CadastralCode, IReadOnlyList<string> Caps)
{
    /// <summary>Bari, the comune the sandbox gives the demo tenant <c>demo-a</c>.</summary>
    public static AnprComune Bari { get; } = new("BARI", "072006", "BA", "A662", ["70121", "70122", "70123", "70124", "70125", "70126"]);

    /// <summary>Molfetta, the comune the sandbox gives the demo tenant <c>demo-b</c>.</summary>
    public static AnprComune Molfetta { get; } = new("MOLFETTA", "072029", "BA", "F284", ["70056"]);

    public AnprPlace AsBirthPlace() => AnprPlace.Comune(CadastralCode, Name, IstatCode, Province);
}
