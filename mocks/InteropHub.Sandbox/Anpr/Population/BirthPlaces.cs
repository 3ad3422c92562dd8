namespace InteropHub.Sandbox.Anpr;

/// <summary>Real comuni and states (codice catastale, ISTAT codes) the generated subjects are born in.</summary>
internal static class BirthPlaces
{
    public static readonly AnprPlace[] Italian =
    [
        AnprPlace.Comune("H501", "ROMA", "058091", "RM"),
        AnprPlace.Comune("F205", "MILANO", "015146", "MI"),
        AnprPlace.Comune("F839", "NAPOLI", "063049", "NA"),
        AnprPlace.Comune("L219", "TORINO", "001272", "TO"),
        AnprPlace.Comune("G273", "PALERMO", "082053", "PA"),
        AnprPlace.Comune("A944", "BOLOGNA", "037006", "BO"),
        AnprPlace.Comune("D612", "FIRENZE", "048017", "FI"),
        AnprPlace.Comune("D643", "FOGGIA", "071024", "FG"),
        AnprPlace.Comune("L049", "TARANTO", "073027", "TA"),
        AnprPlace.Comune("E506", "LECCE", "075035", "LE"),
        AnprPlace.Comune("A225", "ALTAMURA", "072004", "BA"),
        AnprPlace.Comune("A893", "BITONTO", "072011", "BA"),
    ];

    public static readonly AnprPlace[] Foreign =
    [
        AnprPlace.State("Z100", "ALBANIA", "201"),
        AnprPlace.State("Z103", "BELGIO", "206"),
        AnprPlace.State("Z110", "FRANCIA", "215"),
        AnprPlace.State("Z112", "GERMANIA", "216"),
        AnprPlace.State("Z114", "REGNO UNITO", "219"),
        AnprPlace.State("Z129", "ROMANIA", "235"),
        AnprPlace.State("Z131", "SPAGNA", "239"),
        AnprPlace.State("Z133", "SVIZZERA", "241"),
        AnprPlace.State("Z330", "MAROCCO", "436"),
        AnprPlace.State("Z404", "STATI UNITI D'AMERICA", "536"),
        AnprPlace.State("Z600", "ARGENTINA", "602"),
        AnprPlace.State("Z602", "BRASILE", "605"),
    ];

    /// <summary>Where AIRE subjects live, and the consulate that keeps their record (consulate codes are the sandbox's own).</summary>
    public static readonly AbroadLocality[] AbroadLocalities =
    [
        new("216", "MONACO DI BAVIERA", "80331", "LEOPOLDSTRASSE", "2161", "CONSOLATO GENERALE D'ITALIA A MONACO DI BAVIERA"),
        new("216", "STOCCARDA", "70173", "KONIGSTRASSE", "2162", "CONSOLATO GENERALE D'ITALIA A STOCCARDA"),
        new("215", "PARIGI", "75007", "RUE DE GRENELLE", "2151", "CONSOLATO GENERALE D'ITALIA A PARIGI"),
        new("219", "LONDRA", "SW1X 8LY", "HIGH STREET", "2191", "CONSOLATO GENERALE D'ITALIA A LONDRA"),
        new("241", "ZURIGO", "8002", "BAHNHOFSTRASSE", "2411", "CONSOLATO GENERALE D'ITALIA A ZURIGO"),
        new("206", "BRUXELLES", "1050", "AVENUE LOUISE", "2061", "CONSOLATO GENERALE D'ITALIA A BRUXELLES"),
        new("536", "NEW YORK", "10075", "PARK AVENUE", "5361", "CONSOLATO GENERALE D'ITALIA A NEW YORK"),
        new("602", "BUENOS AIRES", "C1425", "AVENIDA CORRIENTES", "6021", "CONSOLATO GENERALE D'ITALIA A BUENOS AIRES"),
    ];

    public static AnprPlace State(string stateCode) => Foreign.Single(p => p.StateCode == stateCode);
}

internal sealed record AbroadLocality(string StateCode, string Locality, string PostCode, string Street, string ConsulateCode, string Consulate);
