using System.Globalization;
using InteropHub.Contracts.Payments;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace InteropHub.Adapters.PagoPa.Notices;

/// <summary>
/// Renders a pagoPA "avviso di pagamento" as an A4 PDF, laid out after the official model
/// (docs.pagopa.it/avviso-pagamento): subject, creditor and debtor, "quanto e quando pagare", "dove pagare", and the
/// "banche e altri canali" part with the QR code. One page per payable part, so each installment carries its own
/// notice number, amount, due date and QR code. The QR code is a bitmap, so it survives any PDF viewer unchanged.
/// </summary>
internal static class PaymentNoticePdf
{
    private const double Margin = 40;
    private const double QrSize = 30 / 25.4 * 72; // 30 mm: comfortably above the size phone scanners need for 41 modules.

    private static readonly XPdfFontOptions WinAnsi = new(PdfFontEncoding.WinAnsi);
    private static readonly XFont Title = Font(20, bold: true);
    private static readonly XFont Heading = Font(11, bold: true);
    private static readonly XFont Label = Font(8, bold: false);
    private static readonly XFont Body = Font(10, bold: false);
    private static readonly XFont Strong = Font(10, bold: true);
    private static readonly XFont Amount = Font(16, bold: true);
    private static readonly XPen Rule = new(XColors.Black, 0.8);

    public static byte[] Render(PaymentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Parts.Count == 0)
        {
            throw new ArgumentException("A notice has at least one payable part.", nameof(notice));
        }

        using var document = new PdfDocument();
        document.Info.Title = "Avviso di pagamento";
        document.Info.Creator = "InteropHub";
        var images = new List<XImage>();
        try
        {
            for (var i = 0; i < notice.Parts.Count; i++)
            {
                var page = document.AddPage();
                page.Size = PageSize.A4;
                using var graphics = XGraphics.FromPdfPage(page);
                var qr = QrImage(notice, notice.Parts[i]);
                images.Add(qr);
                DrawPage(graphics, page.Width.Point, notice, i, qr);
            }

            using var output = new MemoryStream();
            document.Save(output);
            return output.ToArray();
        }
        finally
        {
            images.ForEach(image => image.Dispose());
        }
    }

    private static XImage QrImage(PaymentNotice notice, PaymentNoticePart part)
    {
        var png = PaymentQrImage.Png(PaymentQr.Payload(part.NoticeNumber, notice.CreditorFiscalCode, part.AmountCents));
        var image = XImage.FromStream(new MemoryStream(png));
        image.Interpolate = false;
        return image;
    }

    private static void DrawPage(XGraphics g, double pageWidth, PaymentNotice notice, int index, XImage qr)
    {
        var part = notice.Parts[index];
        var installments = notice.Parts.Count > 1;
        var width = pageWidth - (2 * Margin);
        var column = width / 2;
        var amount = ItalianFormat.Euro(part.AmountCents);
        var dueDate = ItalianFormat.Date(part.DueDate);
        var y = Margin;

        g.DrawString("AVVISO DI PAGAMENTO", Title, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
        y += 30;
        y = Wrapped(g, notice.Description, Body, Margin, y, width, 42);
        g.DrawLine(Rule, Margin, y, Margin + width, y);
        y += 10;

        Party(g, "ENTE CREDITORE", notice.CreditorName, $"Cod. Fiscale {notice.CreditorFiscalCode.Value}", Margin, y, column - 10);
        Party(g, "DESTINATARIO AVVISO", notice.DebtorName, $"Cod. Fiscale {notice.DebtorFiscalCode}", Margin + column, y, column);
        y += 62;
        g.DrawLine(Rule, Margin, y, Margin + width, y);
        y += 10;

        g.DrawString("QUANTO E QUANDO PAGARE?", Heading, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
        y += 18;
        g.DrawString($"{amount} Euro entro il {dueDate}", Amount, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
        y += 24;
        var when = installments
            ? string.Create(CultureInfo.InvariantCulture, $"Rata {index + 1} di {notice.Parts.Count}. Ogni rata ha il proprio codice avviso: paga questa rata con i dati di questa pagina.")
            : "Puoi pagare entro la data di scadenza con il codice avviso o il codice QR riportati in basso.";
        y = Wrapped(g, when, Body, Margin, y, width, 28);
        g.DrawLine(Rule, Margin, y, Margin + width, y);
        y += 10;

        g.DrawString("DOVE PAGARE?", Heading, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
        y += 18;
        g.DrawString("PAGA SUL SITO O CON LE APP", Strong, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
        Wrapped(g, "del tuo Ente Creditore, della tua Banca o degli altri canali di pagamento. Potrai pagare con carte, conto corrente, CBILL.", Body, Margin, y + 14, column - 10, 50);
        g.DrawString("PAGA SUL TERRITORIO", Strong, XBrushes.Black, Margin + column, y, XStringFormats.TopLeft);
        Wrapped(g, "in tutti gli Uffici Postali, in Banca, in Ricevitoria, dal Tabaccaio, al Bancomat, al Supermercato.", Body, Margin + column, y + 14, column, 50);

        PaymentPart(g, notice, part, amount, dueDate, qr, width);
    }

    // The detachable part at the foot of the page, as on the official model: QR code left, payment data right.
    private static void PaymentPart(XGraphics g, PaymentNotice notice, PaymentNoticePart part, string amount, string dueDate, XImage qr, double width)
    {
        const double height = 220;
        var top = 842 - Margin - height;
        g.DrawRectangle(Rule, Margin, top, width, height);
        g.DrawString("BANCHE E ALTRI CANALI", Heading, XBrushes.Black, Margin + 10, top + 10, XStringFormats.TopLeft);
        Wrapped(g, "Qui accanto trovi il codice QR per pagare attraverso il circuito bancario e gli altri canali di pagamento abilitati.", Label, Margin + 10, top + 28, width - 20, 20);
        g.DrawImage(qr, Margin + 10, top + 52, QrSize, QrSize);

        var x = Margin + 20 + QrSize + 20;
        var fieldWidth = Margin + width - x - 10;
        var y = top + 52;
        y = Field(g, "Destinatario", notice.DebtorName, x, y, fieldWidth);
        y = Field(g, "Ente Creditore", notice.CreditorName, x, y, fieldWidth);
        y = Field(g, "Oggetto del pagamento", notice.Description, x, y, fieldWidth);
        Field(g, "Codice Avviso", ItalianFormat.Grouped(part.NoticeNumber.Value), x, y, fieldWidth / 2);
        Field(g, "Cod. Fiscale Ente Creditore", notice.CreditorFiscalCode.Value, x + (fieldWidth / 2), y, fieldWidth / 2);
        y += 28;
        Field(g, "Euro", amount, x, y, fieldWidth / 2);
        Field(g, "Scadenza", dueDate, x + (fieldWidth / 2), y, fieldWidth / 2);
    }

    private static void Party(XGraphics g, string heading, string name, string fiscalCode, double x, double y, double width)
    {
        g.DrawString(heading, Heading, XBrushes.Black, x, y, XStringFormats.TopLeft);
        Wrapped(g, name, Strong, x, y + 16, width, 28);
        g.DrawString(fiscalCode, Body, XBrushes.Black, x, y + 44, XStringFormats.TopLeft);
    }

    private static double Field(XGraphics g, string label, string value, double x, double y, double width)
    {
        g.DrawString(label, Label, XBrushes.Black, x, y, XStringFormats.TopLeft);
        g.DrawString(Fit(g, value, width), Strong, XBrushes.Black, x, y + 10, XStringFormats.TopLeft);
        return y + 28;
    }

    // One-line fields keep the layout fixed; a long subject is cut with an ellipsis rather than overflowing the box.
    private static string Fit(XGraphics g, string text, double width)
    {
        if (g.MeasureString(text, Strong).Width <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && g.MeasureString(cut + "…", Strong).Width > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    private static double Wrapped(XGraphics g, string text, XFont font, double x, double y, double width, double height)
    {
        new XTextFormatter(g).DrawString(text, font, XBrushes.Black, new XRect(x, y, width, height), XStringFormats.TopLeft);
        return y + height;
    }

    private static XFont Font(double size, bool bold)
    {
        // PDFsharp must know the resolver before the first XFont exists; a resolver the host set already is kept.
        GlobalFontSettings.FontResolver ??= DejaVuFontResolver.Instance;
        return new XFont(DejaVuFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, WinAnsi);
    }
}
