using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Values;
using InteropHub.Host.Apis;

namespace InteropHub.Host.OpenApi;

/// <summary>
/// Examples of the normalized models, written as model instances and serialized with the API's own JSON options, so
/// an example cannot drift from the shape the API really answers with. A resident of Bari, as the sandbox has them.
/// </summary>
internal static class OpenApiExamples
{
    private static readonly FiscalCode Resident = FiscalCode.Parse("MRTNNA76H50L219K");
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Municipality Bari = new() { Name = "BARI", IstatCode = "072006", Province = "BA" };

    private static readonly Residence Home = new()
    {
        AddressType = "1",
        Since = new DateOnly(2009, 5, 4),
        Address = new ItalianAddress { PostalCode = "70122", Municipality = Bari, StreetType = "VIA", StreetName = "SPARANO DA BARI", HouseNumber = "102", Staircase = "B", Unit = "7" },
    };

    private static readonly AnprOperation[] Operations =
    [
        new() { Service = "C030", ClientOperationId = "1795686257418", AnprOperationId = "f3fda24c-e97d-11f1-8283-005056ae5232" },
        new() { Service = "C020", ClientOperationId = "1795686259964", AnprOperationId = "f40f2687-e97d-11f1-8283-005056ae5232" },
    ];

    /// <summary>The example for each documented type.</summary>
    public static IReadOnlyDictionary<Type, object> ByType { get; } = new Dictionary<Type, object>
    {
        [typeof(ResidentProfile)] = new ResidentProfile
        {
            FiscalCode = Resident,
            IdAnpr = "AB12345CD",
            ReferenceDate = Today,
            Operations = Operations,
            Surname = "MARTINI",
            GivenName = "ANNA",
            Sex = Sex.Female,
            BirthDate = new DateOnly(1976, 6, 10),
            BirthPlace = new Place { Municipality = new Municipality { Name = "TORINO", IstatCode = "001272", Province = "TO" } },
            RegisteredAbroad = false,
            CurrentResidence = Home,
            Alive = true,
        },
        [typeof(ResidentResidence)] = new ResidentResidence
        {
            FiscalCode = Resident,
            IdAnpr = "AB12345CD",
            ReferenceDate = Today,
            Operations = Operations,
            Current = Home,
            History = [Home],
        },
        [typeof(ResidentFamily)] = new ResidentFamily
        {
            FiscalCode = Resident,
            IdAnpr = "AB12345CD",
            ReferenceDate = Today,
            Members =
            [
                new FamilyMember
                {
                    IsQueriedResident = true, FiscalCode = Resident, IdAnpr = "AB12345CD", Surname = "MARTINI", GivenName = "ANNA", Sex = Sex.Female,
                    BirthDate = new DateOnly(1976, 6, 10), Relationship = FamilyRelationship.Head, RelationshipCode = "1", Since = new DateOnly(2009, 5, 4),
                },
                new FamilyMember
                {
                    FiscalCode = FiscalCode.Parse("RSSMRA80A01H501U"), IdAnpr = "CD67890EF", Surname = "ROSSI", GivenName = "MARIO", Sex = Sex.Male,
                    BirthDate = new DateOnly(1980, 1, 1), Relationship = FamilyRelationship.Spouse, RelationshipCode = "2", Since = new DateOnly(2009, 5, 4),
                },
            ],
        },
        [typeof(ResidentLifeStatus)] = new ResidentLifeStatus
        {
            FiscalCode = Resident,
            IdAnpr = "AB12345CD",
            ReferenceDate = Today,
            Alive = true,
        },
        [typeof(VerificationBatchRequest)] = new VerificationBatchRequest
        {
            Checks = ["resident-in-comune", "alive"],
            ComuneIstatCode = "072006",
            Items = [new VerificationItemRequest { FiscalCode = Resident.Value }, new VerificationItemRequest { FiscalCode = "SSNGPP50A01H501E" }],
        },
        [typeof(VerificationBatchInfo)] = new VerificationBatchInfo(
            Guid.Parse("019abf4e-6c1d-7b3a-9d2e-5f4a3b2c1d0e"),
            "completed",
            ["resident-in-comune", "alive"],
            "072006",
            null,
            new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 26, 9, 30, 4, TimeSpan.Zero),
            new VerificationProgress(2, 1, 1, 0),
            null,
            0,
            null,
            [
                new VerificationItemInfo(0, Resident.Value, "verified", new Dictionary<string, string> { ["resident-in-comune"] = "confirmed", ["alive"] = "confirmed" }, null),
                new VerificationItemInfo(1, "SSNGPP50A01H501E", "failed", [], new VerificationItemProblem("resident-not-found", "ANPR has no record of this person (never registered).")),
            ]),
    };
}
