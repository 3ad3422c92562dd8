using System.Text.Json;
using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Testing;
using static InteropHub.Adapters.PagoPa.Tests.TestSupport.GatewayHost;

namespace InteropHub.Adapters.PagoPa.Tests.Gpd;

/// <summary>The hub's debt positions in GPD's v1/v2 request models, and GPD's answers as snapshots.</summary>
public sealed class GpdPositionMappingTests
{
    [Fact]
    public void A_position_becomes_a_PaymentPositionModel_with_every_field_in_place()
    {
        var json = JsonSerializer.SerializeToElement(GpdPositionMapping.ToGpd(Position("IUPD-1", 7), Organization), GpdJson.Options);

        Assert.Empty(OpenApiSchemas.GpdV1.Violations(json, "PaymentPositionModel"));
        Assert.Equal(
            ("IUPD-1", "F", "RSSMRA80A01H501U", "Mario Rossi", "Comune di Bari", true),
            (Text(json, "iupd"), Text(json, "type"), Text(json, "fiscalCode"), Text(json, "fullName"), Text(json, "companyName"), json.GetProperty("switchToExpired").GetBoolean()));
        Assert.Equal(("Via Sparano", "1", "70121", "Bari", "BA", "IT", "mario.rossi@example.it"),
            (Text(json, "streetName"), Text(json, "civicNumber"), Text(json, "postalCode"), Text(json, "city"), Text(json, "province"), Text(json, "country"), Text(json, "email")));
        Assert.False(json.TryGetProperty("validityDate", out _));
        var option = Assert.Single(json.GetProperty("paymentOption").EnumerateArray());
        var notice = NoticeNumber.FromIuv(Iuv.Create("01", 7));
        Assert.Equal((notice.Iuv.Value, notice.Value, 30_000L, "TARI 2026", false), (Text(option, "iuv"), Text(option, "nav"), option.GetProperty("amount").GetInt64(), Text(option, "description"), option.GetProperty("isPartialPayment").GetBoolean()));
        Assert.Equal("2026-06-30T21:59:59", Text(option, "dueDate"));
        var transfers = option.GetProperty("transfer").EnumerateArray().ToList();
        Assert.Equal(
            [("1", 10_000L, Organization, "TARI 2026 quota comunale", "9/0101108TS/", "IT60X0542811101000000123456"), ("2", 20_000L, "00100700574", "TARI 2026 tributo provinciale", "9/0601102IM/", "IT57X0306909606100000000001")],
            transfers.Select(t => (Text(t, "idTransfer"), t.GetProperty("amount").GetInt64(), Text(t, "organizationFiscalCode"), Text(t, "remittanceInformation"), Text(t, "category"), Text(t, "iban"))));
    }

    [Fact]
    public void A_legal_person_is_type_G_and_installments_are_partial_payments()
    {
        var position = Position("IUPD-1", 1, 2) with { Debtor = Position("x", 1).Debtor with { Type = DebtorType.LegalPerson, FiscalCode = "80015010723" } };

        var gpd = GpdPositionMapping.ToGpd(position, Organization);

        Assert.Equal("G", gpd.Type);
        Assert.All(gpd.PaymentOption, o => Assert.True(o.IsPartialPayment));
        Assert.Equal(2, gpd.PaymentOption.Count);
    }

    [Fact]
    public void A_bulk_body_is_a_MultiplePaymentPositionModel()
    {
        var body = new GpdMultiplePaymentPositions { PaymentPositions = [GpdPositionMapping.ToGpd(Position("IUPD-1", 1), Organization), GpdPositionMapping.ToGpd(Position("IUPD-2", 2, 3), Organization)] };

        Assert.Empty(OpenApiSchemas.GpdV2.Violations(JsonSerializer.SerializeToElement(body, GpdJson.Options), "MultiplePaymentPositionModel"));
    }

    [Theory]
    [InlineData("DRAFT", DebtPositionStatus.Draft)]
    [InlineData("PUBLISHED", DebtPositionStatus.Published)]
    [InlineData("VALID", DebtPositionStatus.Valid)]
    [InlineData("INVALID", DebtPositionStatus.Invalid)]
    [InlineData("EXPIRED", DebtPositionStatus.Expired)]
    [InlineData("PARTIALLY_PAID", DebtPositionStatus.PartiallyPaid)]
    [InlineData("PAID", DebtPositionStatus.Paid)]
    [InlineData("REPORTED", DebtPositionStatus.Reported)]
    public void Every_GPD_position_status_has_its_hub_status(string gpd, DebtPositionStatus hub) =>
        Assert.Equal(hub, GpdPositionMapping.ToSnapshot(Answer(gpd, "PO_UNPAID")).Status);

    [Theory]
    [InlineData("PO_UNPAID", DebtOptionStatus.Unpaid)]
    [InlineData("PO_PAID", DebtOptionStatus.Paid)]
    [InlineData("PO_PARTIALLY_REPORTED", DebtOptionStatus.PartiallyReported)]
    [InlineData("PO_REPORTED", DebtOptionStatus.Reported)]
    [InlineData(null, DebtOptionStatus.Unpaid)]
    public void Every_GPD_option_status_has_its_hub_status(string? gpd, DebtOptionStatus hub) =>
        Assert.Equal(hub, Assert.Single(GpdPositionMapping.ToSnapshot(Answer("VALID", gpd)).Options).Status);

    [Theory]
    [InlineData("UNPAYABLE", "PO_UNPAID", "position status 'UNPAYABLE'")]
    [InlineData("VALID", "PO_EXPIRED", "payment option status 'PO_EXPIRED'")]
    public void An_unknown_status_is_a_502_naming_it(string position, string option, string named)
    {
        var refused = Assert.Throws<HubProblemException>(() => GpdPositionMapping.ToSnapshot(Answer(position, option)));

        Assert.Equal((502, ErrorCodes.UpstreamRejected), (refused.Status, refused.Code));
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paid_option_carries_its_receipt_and_an_IUV_with_wrong_check_digits_is_still_read()
    {
        var answer = Answer("PAID", "PO_PAID") is var a ? a with
        {
            PaymentOption = [a.PaymentOption[0] with { Iuv = "01000000000000199", PaymentDate = new DateTime(2026, 3, 5, 10, 15, 0, DateTimeKind.Utc), IdReceipt = "rcpt-1", PspCompany = "Banca Sandbox", Fee = 150 }],
        } : null!;

        var option = Assert.Single(GpdPositionMapping.ToSnapshot(answer).Options);

        Assert.Equal("01000000000000199", option.Iuv.Value);
        Assert.False(option.Iuv.HasValidCheckDigits);
        Assert.Equal((new DateTimeOffset(2026, 3, 5, 10, 15, 0, TimeSpan.Zero), "rcpt-1", "Banca Sandbox", 150L), (option.PaidAt, option.ReceiptId, option.PspCompany, option.FeeCents));
        Assert.Equal(TimeSpan.Zero, option.PaidAt!.Value.Offset);
    }

    [Fact]
    public void What_a_bulk_creation_sent_is_valid_and_unpaid()
    {
        var snapshot = GpdPositionMapping.AsCreated(Position("IUPD-1", 1, 2));

        Assert.Equal(DebtPositionStatus.Valid, snapshot.Status);
        Assert.Equal([(Iuv.Create("01", 1), 30_000L, DebtOptionStatus.Unpaid), (Iuv.Create("01", 2), 30_000L, DebtOptionStatus.Unpaid)],
            snapshot.Options.Select(o => (o.Iuv, o.AmountCents, o.Status)));
    }

    private static GpdPaymentPosition Answer(string status, string? optionStatus) => new()
    {
        Iupd = "IUPD-1",
        Type = "F",
        CompanyName = "Comune di Bari",
        Status = status,
        PaymentOption =
        [
            new GpdPaymentOption
            {
                Iuv = Iuv.Create("01", 1).Value,
                Amount = 30_000,
                Description = "TARI 2026",
                IsPartialPayment = false,
                DueDate = new DateTime(2026, 6, 30, 21, 59, 59, DateTimeKind.Utc),
                Status = optionStatus,
            },
        ],
    };

    private static string? Text(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;
}
