using InteropHub.Contracts.Payments;

namespace InteropHub.Adapters.PagoPa.Notices;

/// <summary>The notice renderer port over the QR images and the A4 notice PDF.</summary>
internal sealed class PaymentNoticeRenderer : IPaymentNoticeRenderer
{
    public byte[] QrPng(string payload) => PaymentQrImage.Png(payload);

    public string QrSvg(string payload) => PaymentQrImage.Svg(payload);

    public byte[] NoticePdf(PaymentNotice notice) => PaymentNoticePdf.Render(notice);
}
