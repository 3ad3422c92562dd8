namespace InteropHub.Sandbox.Anpr;

/// <summary>A death to record: the subject by fiscal code or idANPR, and the date of death.</summary>
internal sealed record DeathRecord(string? FiscalCode, string? IdAnpr, DateOnly? DeathDate);

/// <summary>A service's daily quota; null removes it.</summary>
internal sealed record QuotaSetting(int? DailyLimit);

/// <summary>Strict ModI on or off, for the listed services or, without a list, for all.</summary>
internal sealed record StrictModiSetting(bool? Enabled, IReadOnlyList<string>? Services);

internal sealed record AnprFaultsSetting(long? LatencyMs, double? ErrorRatio, int? ErrorStatus, long? MaxLatencyMs, double? LatencyRatio, ThrottleBurstsSetting? Bursts, int? Seed);

internal sealed record PopulationRequest(string? Name, AnprComune? Comune, int? Seed, int? Residents);

/// <summary>A subject as the control surface shows it: enough to pick one for a test or a demo.</summary>
internal sealed record SubjectSummary(
    string? IdAnpr,
    string FiscalCode,
    string? Surname,
    string? GivenName,
    AnprSex? Sex,
    DateOnly? BirthDate,
    string? Population,
    IReadOnlyList<AnprSubjectCategory> Categories,
    string? FamilyId,
    string? RelationshipCode,
    bool? LivesAbroad,
    DateOnly? DeathDate,
    DateOnly? DeathRecordedOn,
    DateOnly? CancelledOn)
{
    public static SubjectSummary Of(AnprSubject subject, IReadOnlyList<AnprSubjectCategory> categories) => new(
        subject.IdAnpr,
        subject.FiscalCode,
        subject.Surname,
        subject.GivenName,
        subject.Sex,
        subject.BirthDate,
        subject.Population,
        categories,
        subject.Family?.FamilyId,
        subject.Family?.RelationshipCode,
        subject.LivesAbroad,
        subject.DeathDate,
        subject.DeathRecordedOn,
        subject.CancelledOn);

    public static SubjectSummary NotRegistered(string fiscalCode) =>
        new(null, fiscalCode, null, null, null, null, null, [AnprSubjectCategory.NotRegistered], null, null, null, null, null, null);
}
