using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Adapters.PagoPa.Tests.TestSupport;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Values;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;

namespace InteropHub.Adapters.PagoPa.Tests.Notices;

/// <summary>The ports as the host resolves them from the plugin's registrations, the notice drawn through the contract.</summary>
public sealed class PaymentNoticeRendererTests : IDisposable
{
    private static readonly OrganizationFiscalCode Creditor = OrganizationFiscalCode.Parse("80015010723");

    private readonly GatewayHost _host = new();

    public void Dispose() => _host.Dispose();

    private IPaymentNoticeRenderer Renderer => _host.Services.GetRequiredService<IPaymentNoticeRenderer>();

    [Fact]
    public void The_plugin_registers_the_GPD_gateway_and_one_renderer()
    {
        Assert.IsType<GpdPaymentGateway>(_host.Gateway);
        Assert.Same(Renderer, _host.Services.GetRequiredService<IPaymentNoticeRenderer>());
    }

    [Fact]
    public void The_QR_images_carry_the_payload()
    {
        var payload = PaymentQr.Payload(NoticeNumber.FromIuv(Iuv.Create("01", 1)), Creditor, 12_345);

        var (luminance, width, height) = PngPixels.Decode(Renderer.QrPng(payload));

        Assert.Equal(payload, QrDecoder.Decode(luminance, width, height).Text);
        Assert.StartsWith("<svg", Renderer.QrSvg(payload).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_notice_PDF_has_one_page_per_part_each_with_its_own_QR_code()
    {
        PaymentNoticePart[] parts = [new(NoticeNumber.FromIuv(Iuv.Create("01", 1)), 15_000, new DateOnly(2026, 6, 30)), new(NoticeNumber.FromIuv(Iuv.Create("01", 2)), 15_000, new DateOnly(2026, 12, 31))];
        var notice = new PaymentNotice
        {
            CreditorName = "Comune di Bari",
            CreditorFiscalCode = Creditor,
            DebtorName = "Mario Rossi",
            DebtorFiscalCode = "RSSMRA80A01H501U",
            Description = "TARI 2026",
            Parts = parts,
        };

        using var document = PdfReader.Open(new MemoryStream(Renderer.NoticePdf(notice)), PdfDocumentOpenMode.Import);

        Assert.Equal(2, document.PageCount);
        for (var i = 0; i < parts.Length; i++)
        {
            var (luminance, width, height) = Assert.Single(PdfInspection.Images(document.Pages[i]));
            Assert.Equal(PaymentQr.Payload(parts[i].NoticeNumber, Creditor, parts[i].AmountCents), QrDecoder.Decode(luminance, width, height).Text);
        }
    }
}
