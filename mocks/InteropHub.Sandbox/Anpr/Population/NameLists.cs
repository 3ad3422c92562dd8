namespace InteropHub.Sandbox.Anpr;

/// <summary>Names and street names the generator draws from; none is a collaudo test subject's (docs/platforms/anpr.md §5.1).</summary>
internal static class NameLists
{
    public static readonly string[] Surnames =
    [
        "ROSSI", "RUSSO", "FERRARI", "ESPOSITO", "BIANCHI", "ROMANO", "COLOMBO", "RICCI", "MARINO", "GRECO",
        "BRUNO", "GALLO", "CONTI", "DE LUCA", "MANCINI", "COSTA", "GIORDANO", "RIZZO", "LOMBARDI", "MORETTI",
        "BARBIERI", "FONTANA", "SANTORO", "MARIANI", "RINALDI", "CARUSO", "FERRARA", "GALLI", "MARTINI", "LEONE",
        "LONGO", "GENTILE", "MARTINELLI", "VITALE", "LOMBARDO", "SERRA", "COPPOLA", "DE SANTIS", "D'ANGELO", "MARCHETTI",
        "PARISI", "VILLA", "CONTE", "FERRO", "FABBRI", "BIANCO", "MARINI", "GRASSO", "VALENTINI", "MESSINA",
        "SALA", "DE ANGELIS", "GATTI", "PELLEGRINI", "PALUMBO", "SANNA", "FARINA", "RIZZI", "MONTI", "CATTANEO",
        "MORELLI", "AMATO", "SILVESTRI", "MAZZA", "TESTA", "DELL'ORCO", "DE PALMA", "LORUSSO", "AMORUSO", "PANSINI",
        "SPADAVECCHIA", "DE GENNARO", "LATERZA", "ALTAMURA", "CAPURSO", "DI BARI", "SASSO", "PICCININNI", "DE CANDIA", "MINERVINI",
    ];

    public static readonly string[] MaleNames =
    [
        "GIUSEPPE", "GIOVANNI", "ANTONIO", "MARIO", "LUIGI", "FRANCESCO", "ANGELO", "VINCENZO", "PIETRO", "SALVATORE",
        "CARLO", "FRANCO", "DOMENICO", "BRUNO", "PAOLO", "MICHELE", "GIORGIO", "ALDO", "SERGIO", "LUCIANO",
        "MARCO", "ANDREA", "LUCA", "ALESSANDRO", "MATTEO", "LORENZO", "LEONARDO", "NICOLA", "SAVERIO", "CORRADO",
        "VITO", "ONOFRIO", "RICCARDO", "GABRIELE", "TOMMASO", "EDOARDO", "DAVIDE", "SIMONE", "FEDERICO", "EMANUELE",
        "STEFANO", "ROBERTO", "CLAUDIO", "FABIO", "MASSIMO", "DANIELE", "ALBERTO", "RAFFAELE", "GAETANO", "COSIMO",
    ];

    public static readonly string[] FemaleNames =
    [
        "MARIA", "ANNA", "GIUSEPPINA", "ROSA", "ANGELA", "GIOVANNA", "TERESA", "LUCIA", "CARMELA", "CATERINA",
        "FRANCESCA", "ANTONIETTA", "CARLA", "ELENA", "CONCETTA", "RITA", "MARGHERITA", "PAOLA", "LAURA", "GIULIA",
        "SOFIA", "AURORA", "ALICE", "GINEVRA", "EMMA", "GIORGIA", "MARTINA", "CHIARA", "SARA", "ALESSIA",
        "VALENTINA", "FEDERICA", "SILVIA", "ROBERTA", "MONICA", "CRISTINA", "BARBARA", "DANIELA", "ELISA", "ILARIA",
        "NICOLETTA", "ISABELLA", "BEATRICE", "VITTORIA", "MADDALENA", "ADDOLORATA", "IMMACOLATA", "SERENA", "MARIKA", "DEBORA",
    ];

    public static readonly string[] ForeignSurnames =
        ["HOXHA", "POPESCU", "IONESCU", "EL AMRANI", "BENALI", "MULLER", "SCHMIDT", "DUBOIS", "GARCIA", "MARTINEZ", "SILVA", "SANTOS", "SMITH", "KOVAC"];

    public static readonly string[] ForeignMaleNames = ["ARBEN", "ANDREI", "MOHAMED", "YOUSSEF", "HANS", "PIERRE", "JOSE", "JOAO", "JOHN", "LUKA"];

    public static readonly string[] ForeignFemaleNames = ["ELIRA", "IOANA", "FATIMA", "AMINA", "MARIE", "CARMEN", "ANA", "MARY", "MAJA", "SABINE"];

    /// <summary>Toponym species and name, as ANPR's <c>toponimo</c> carries them.</summary>
    public static readonly (string Species, string Name)[] Streets =
    [
        ("VIA", "GIUSEPPE GARIBALDI"), ("CORSO", "VITTORIO EMANUELE II"), ("VIA", "ROMA"), ("VIA", "DANTE ALIGHIERI"),
        ("PIAZZA", "UMBERTO I"), ("VIA", "GIUSEPPE MAZZINI"), ("VIA", "CAMILLO BENSO DI CAVOUR"), ("VIALE", "DELLA REPUBBLICA"),
        ("VIA", "ALESSANDRO MANZONI"), ("VIA", "GIACOMO MATTEOTTI"), ("VIA", "ANTONIO GRAMSCI"), ("VIA", "XX SETTEMBRE"),
        ("VIA", "DEI MILLE"), ("VIA", "NICOLO' PICCINNI"), ("VIA", "SPARANO DA BARI"), ("VIA", "ABATE GIMMA"),
        ("LUNGOMARE", "NAZARIO SAURO"), ("VIA", "AMENDOLA"), ("VIA", "DON LUIGI STURZO"), ("VIA", "BELLINI"),
        ("VIA", "SAN FRANCESCO D'ASSISI"), ("VIA", "MADONNA DEI MARTIRI"), ("VIA", "ALDO MORO"), ("VIALE", "PIO XI"),
        ("VIA", "DOMENICO PICCA"), ("VIA", "GIOVANNI XXIII"), ("VIA", "CESARE BATTISTI"), ("VIA", "FRATELLI BANDIERA"),
        ("PIAZZA", "GARIBALDI"), ("VIA", "VENEZIA"),
    ];
}
