using InteropHub.Adapters.PagoPa.Notices;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Values;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace InteropHub.Adapters.PagoPa.Tests.Notices;

public sealed class PaymentNoticePdfTests
{
    private static readonly OrganizationFiscalCode Creditor = OrganizationFiscalCode.Parse("80015010723");
    private static readonly NoticeNumber First = NoticeNumber.FromIuv(Iuv.Create("01", 1));
    private static readonly NoticeNumber Second = NoticeNumber.FromIuv(Iuv.Create("01", 2));
    private static readonly NoticeNumber Third = NoticeNumber.FromIuv(Iuv.Create("01", 3));

    [Fact]
    public void A_single_payment_notice_is_one_A4_page_with_a_QR_code_that_decodes_to_the_payload()
    {
        var pdf = PaymentNoticePdf.Render(Notice(new PaymentNoticePart(First, 123_456, new DateOnly(2026, 3, 31))));

        using var document = Open(pdf);
        Assert.Equal(1, document.PageCount);
        var page = document.Pages[0];
        AssertA4(page);
        var (luminance, width, height) = Assert.Single(PdfInspection.Images(page));
        Assert.Equal(PaymentQr.Payload(First, Creditor, 123_456), QrDecoder.Decode(luminance, width, height).Text);
    }

    [Fact]
    public void The_page_shows_parties_subject_amount_due_date_and_notice_number()
    {
        var pdf = PaymentNoticePdf.Render(Notice(new PaymentNoticePart(First, 123_456, new DateOnly(2026, 3, 31))));

        using var document = Open(pdf);
        var text = PdfInspection.Text(document.Pages[0]);

        Assert.Contains("AVVISO DI PAGAMENTO", text, StringComparison.Ordinal);
        Assert.Contains("Comune di Bari", text, StringComparison.Ordinal);
        Assert.Contains("Cod. Fiscale 80015010723", text, StringComparison.Ordinal);
        Assert.Contains("Mario Rossi", text, StringComparison.Ordinal);
        Assert.Contains("Cod. Fiscale RSSMRA80A01H501U", text, StringComparison.Ordinal);
        Assert.Contains("TARI 2026", text, StringComparison.Ordinal);
        Assert.Contains("1.234,56 Euro entro il 31/03/2026", text, StringComparison.Ordinal);
        Assert.Contains("3010 0000 0000 0001 44", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Installments_get_one_page_each_with_their_own_notice_number_amount_due_date_and_QR_code()
    {
        PaymentNoticePart[] parts =
        [
            new(First, 10_000, new DateOnly(2026, 4, 30)),
            new(Second, 10_050, new DateOnly(2026, 7, 31)),
            new(Third, 999, new DateOnly(2026, 10, 31)),
        ];

        using var document = Open(PaymentNoticePdf.Render(Notice(parts)));

        Assert.Equal(3, document.PageCount);
        for (var i = 0; i < parts.Length; i++)
        {
            var page = document.Pages[i];
            AssertA4(page);
            var text = PdfInspection.Text(page);
            Assert.Contains(ItalianFormat.Grouped(parts[i].NoticeNumber.Value), text, StringComparison.Ordinal);
            Assert.Contains($"{ItalianFormat.Euro(parts[i].AmountCents)} Euro entro il {ItalianFormat.Date(parts[i].DueDate)}", text, StringComparison.Ordinal);
            Assert.Contains($"Rata {i + 1} di 3", text, StringComparison.Ordinal);
            var (luminance, width, height) = Assert.Single(PdfInspection.Images(page));
            Assert.Equal(PaymentQr.Payload(parts[i].NoticeNumber, Creditor, parts[i].AmountCents), QrDecoder.Decode(luminance, width, height).Text);
        }
    }

    [Fact]
    public void A_notice_without_parts_is_refused() =>
        Assert.Throws<ArgumentException>(() => PaymentNoticePdf.Render(Notice()));

    [Theory]
    [InlineData(1L, "0,01")]
    [InlineData(100L, "1,00")]
    [InlineData(123_456L, "1.234,56")]
    [InlineData(123_456_789L, "1.234.567,89")]
    public void Amounts_are_printed_in_Italian_format(long cents, string expected) =>
        Assert.Equal(expected, ItalianFormat.Euro(cents));

    private static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    private static void AssertA4(PdfPage page)
    {
        Assert.Equal(595, page.Width.Point, 0);
        Assert.Equal(842, page.Height.Point, 0);
    }

    private static PaymentNotice Notice(params PaymentNoticePart[] parts) => new()
    {
        CreditorName = "Comune di Bari",
        CreditorFiscalCode = Creditor,
        DebtorName = "Mario Rossi",
        DebtorFiscalCode = "RSSMRA80A01H501U",
        Description = "TARI 2026 - tassa sui rifiuti, prima emissione",
        Parts = parts,
    };
}
