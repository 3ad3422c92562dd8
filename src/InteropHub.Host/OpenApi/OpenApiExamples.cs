using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Values;
using InteropHub.Host.Apis;
using InteropHub.Host.Payments;

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
        [typeof(PaymentRequest)] = new PaymentRequest
        {
            Debtor = new DebtorRequest { Type = "F", FiscalCode = "RSSMRA80A01H501U", Name = "Mario Rossi", Email = "mario.rossi@example.org" },
            Description = "TARI 2026 - acconto",
            Reference = "TARI/2026/000123",
            Amount = 12_050,
            DueDate = new DateOnly(2026, 12, 31),
            Transfers =
            [
                new TransferRequest { Amount = 10_050, Iban = "IT60X0542811101000000123456" },
                new TransferRequest { Amount = 2_000, Iban = "IT57X0306909606100000000001", BeneficiaryFiscalCode = "00306180720", Remittance = "Quota Comune di Molfetta" },
            ],
            TaxonomyCode = "9/0101108TS/",
        },
        [typeof(PaymentInfo)] = new PaymentInfo(
            Guid.Parse("01a217fb-dd24-7b24-8e93-b45897279854"),
            "80015010723-44df9c1883c16e8feb07d4ce00ece9ab",
            "paid",
            12_050,
            "TARI 2026 - acconto",
            "TARI/2026/000123",
            "9/0101108TS/",
            "payable-after-due",
            new DebtorInfo("F", "RSSMRA80A01H501U", "Mario Rossi", null, "mario.rossi@example.org"),
            [
                new NoticeInfo(1, "301000000000000144", "01000000000000144", 12_050, new DateOnly(2026, 12, 31), "paid", "PAGOPA|002|301000000000000144|80015010723|12050",
                    [new TransferInfo(1, 12_050, "IT60X0542811101000000123456", null, null)],
                    new DateTimeOffset(2026, 11, 26, 13, 11, 58, TimeSpan.Zero), "702cf9e04ef24e4bb14177ed95aaab7a", "Sandbox PSP S.p.A.", 100),
            ],
            null,
            null,
            new DateTimeOffset(2026, 11, 26, 13, 11, 51, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 26, 13, 11, 58, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 26, 13, 11, 58, TimeSpan.Zero)),
        [typeof(PaymentBatchInfo)] = new PaymentBatchInfo(
            Guid.Parse("fbdfa59c-76ad-9e40-bb63-a2db97e74104"),
            "completed",
            new PaymentBatchCounts(3, 1, 0, 2, 0),
            new DateTimeOffset(2026, 11, 26, 13, 12, 5, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 26, 13, 12, 6, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 26, 13, 12, 6, TimeSpan.Zero),
            0,
            null,
            [new PaymentBatchErrorInfo(2, new Dictionary<string, string[]> { ["amount"] = ["An amount in euro cents, 1 to 99999999999."] }, null, null)]),
    };
}
