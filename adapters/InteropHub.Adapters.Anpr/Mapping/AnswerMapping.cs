using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Adapters.Anpr.E002;
using InteropHub.Adapters.Anpr.Registry;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Values;

namespace InteropHub.Adapters.Anpr.Mapping;

/// <summary>Each registry answer built from the target service's <c>RispostaE002OK</c>.</summary>
internal static class AnswerMapping
{
    /// <summary>From C020 (generalità, residence, death), C001 (generalità, residence, alive) or C015 (generalità only).</summary>
    public static ResidentProfile Profile(RegistryExchange exchange)
    {
        var subject = Subject(exchange);
        var generalita = subject.Generalita;
        var reportsResidence = exchange.Target.Service != AnprServiceCatalog.Identity;
        var (alive, deathDate) = SubjectMapping.Life(subject);
        return new ResidentProfile
        {
            FiscalCode = FiscalCodeOf(generalita) ?? exchange.FiscalCode,
            IdAnpr = exchange.IdAnpr,
            ReferenceDate = exchange.ReferenceDate,
            Warnings = exchange.Warnings,
            Operations = exchange.Operations,
            Surname = AnprValues.Text(generalita?.Cognome),
            GivenName = AnprValues.Text(generalita?.Nome),
            Sex = AnprValues.Sex(generalita?.Sesso),
            BirthDate = AnprValues.Date(generalita?.DataNascita),
            BirthPlace = SubjectMapping.Place(generalita?.LuogoNascita),
            RegisteredAbroad = AnprValues.YesNo(generalita?.SoggettoAire),
            CurrentResidence = reportsResidence ? SubjectMapping.Residences(subject.Residenza, exchange.ReferenceDate).Current : null,
            // C020 and C001 report a death when there is one; C015 may say nothing about it.
            Alive = alive ?? (reportsResidence ? deathDate is null : null),
            DeathDate = deathDate,
        };
    }

    /// <summary>From C020: the residence list and the death date.</summary>
    public static ResidentResidence Residence(RegistryExchange exchange)
    {
        var subject = Subject(exchange);
        var (current, history) = SubjectMapping.Residences(subject.Residenza, exchange.ReferenceDate);
        return new ResidentResidence
        {
            FiscalCode = FiscalCodeOf(subject.Generalita) ?? exchange.FiscalCode,
            IdAnpr = exchange.IdAnpr,
            ReferenceDate = exchange.ReferenceDate,
            Warnings = exchange.Warnings,
            Operations = exchange.Operations,
            Current = current,
            History = history,
            DeathDate = SubjectMapping.Life(subject).DeathDate,
        };
    }

    /// <summary>From C021: one subject per member. ANPR may answer none for a resident dead at the reference date.</summary>
    public static ResidentFamily Family(RegistryExchange exchange) => new()
    {
        FiscalCode = exchange.FiscalCode,
        IdAnpr = exchange.IdAnpr,
        ReferenceDate = exchange.ReferenceDate,
        Warnings = exchange.Warnings,
        Operations = exchange.Operations,
        Members = exchange.Target.Body.Soggetti.Select(s => Member(s, exchange)).ToList(),
    };

    /// <summary>From C019: the alive flag (1003) and the death date (1015); with neither, alive.</summary>
    public static ResidentLifeStatus LifeStatus(RegistryExchange exchange)
    {
        var subject = Subject(exchange);
        var (alive, deathDate) = SubjectMapping.Life(subject);
        return new ResidentLifeStatus
        {
            FiscalCode = FiscalCodeOf(subject.Generalita) ?? exchange.FiscalCode,
            IdAnpr = exchange.IdAnpr,
            ReferenceDate = exchange.ReferenceDate,
            Warnings = exchange.Warnings,
            Operations = exchange.Operations,
            Alive = alive ?? deathDate is null,
            DeathDate = deathDate,
        };
    }

    /// <summary>From C003, C007 or C008: <c>infoSoggettoEnte.valore</c> S, N or A.</summary>
    public static ResidentVerification Verification(RegistryExchange exchange, ResidentCheckKind check) => new()
    {
        FiscalCode = exchange.FiscalCode,
        IdAnpr = exchange.IdAnpr,
        ReferenceDate = exchange.ReferenceDate,
        Warnings = exchange.Warnings,
        Operations = exchange.Operations,
        Check = check,
        Outcome = SubjectMapping.Outcome(exchange.Target.Body.Soggetti),
    };

    private static FamilyMember Member(TipoDatiSoggettiEnte subject, RegistryExchange exchange)
    {
        var generalita = subject.Generalita;
        var idAnpr = AnprValues.Text(subject.Identificativi?.IdAnpr);
        var fiscalCode = FiscalCodeOf(generalita);
        return new FamilyMember
        {
            IsQueriedResident = idAnpr is not null ? idAnpr == exchange.IdAnpr : fiscalCode == exchange.FiscalCode,
            FiscalCode = fiscalCode,
            IdAnpr = idAnpr,
            Surname = AnprValues.Text(generalita?.Cognome),
            GivenName = AnprValues.Text(generalita?.Nome),
            Sex = AnprValues.Sex(generalita?.Sesso),
            BirthDate = AnprValues.Date(generalita?.DataNascita),
            Relationship = FamilyRelationships.Decode(subject.LegameSoggetto?.CodiceLegame),
            RelationshipCode = AnprValues.Text(subject.LegameSoggetto?.CodiceLegame),
            RelationshipType = AnprValues.Text(subject.LegameSoggetto?.TipoLegame),
            Since = AnprValues.Date(subject.LegameSoggetto?.DataDecorrenza),
            RelationshipSince = AnprValues.Date(subject.LegameSoggetto?.DataDecorrenzaLegame),
            DeathDate = SubjectMapping.Life(subject).DeathDate,
        };
    }

    // A 200 without a subject is a miss, as EN122 would have been.
    private static TipoDatiSoggettiEnte Subject(RegistryExchange exchange) =>
        exchange.Target.Body.Soggetti.FirstOrDefault()
        ?? throw AnprFailures.NotFound(exchange.Target.Service, null, exchange.Target.Operation.ClientOperationId, exchange.Target.Operation.AnprOperationId);

    private static FiscalCode? FiscalCodeOf(TipoGeneralita? generalita) =>
        FiscalCode.TryParse(generalita?.CodiceFiscale?.CodFiscale, out var code) ? code : null;
}
