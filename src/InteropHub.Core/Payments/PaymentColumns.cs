using System.Text.Json;
using System.Text.Json.Serialization;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Payments;

/// <summary>How payments are written into their rows and JSON columns, and read back as records.</summary>
internal static class PaymentColumns
{
    // Enum names, not numbers, so the stored text stays readable and survives reordered enum members.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static PaymentRow ToRow(NewPayment payment, Guid id, DateTimeOffset now) => new()
    {
        Id = id,
        Tenant = payment.Tenant.Value,
        Iupd = payment.Iupd,
        RequestHash = payment.RequestHash,
        Status = PaymentStatus.Pending,
        DebtorFiscalCode = payment.Debtor.FiscalCode,
        DebtorJson = JsonSerializer.Serialize(payment.Debtor, Json),
        Description = payment.Description,
        Reference = payment.Reference,
        TaxonomyCode = payment.TaxonomyCode,
        ExpiryPolicy = payment.ExpiryPolicy,
        BatchId = payment.BatchId,
        BatchIndex = payment.BatchIndex,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    public static IEnumerable<PaymentOptionRow> ToOptionRows(NewPayment payment, Guid id) =>
        payment.Options.Select((option, index) => new PaymentOptionRow
        {
            PaymentId = id,
            Index = index,
            Tenant = payment.Tenant.Value,
            Iuv = option.NoticeNumber.Iuv.Value,
            NoticeNumber = option.NoticeNumber.Value,
            AmountCents = option.AmountCents,
            DueDate = option.DueDate,
            TransfersJson = EncodeTransfers(option.Transfers),
            Status = DebtOptionStatus.Unpaid,
        });

    public static string EncodeTransfers(IReadOnlyList<PaymentTransfer> transfers) => JsonSerializer.Serialize(transfers, Json);

    public static string EncodeErrors(IReadOnlyDictionary<string, string[]> errors) => JsonSerializer.Serialize(errors, Json);

    public static IReadOnlyDictionary<string, string[]> DecodeErrors(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, Json) ?? [];

    public static PaymentRefusal? Refusal(PaymentRow row) =>
        row.RefusalCode is null ? null : new PaymentRefusal(row.RefusalCode, row.RefusalTitle, row.RefusalDetail ?? string.Empty);

    public static PaymentRecord ToRecord(PaymentRow row, IEnumerable<PaymentOptionRow> options) => new()
    {
        Id = row.Id,
        Tenant = TenantId.Parse(row.Tenant),
        Iupd = row.Iupd,
        RequestHash = row.RequestHash,
        Status = row.Status,
        Debtor = JsonSerializer.Deserialize<Debtor>(row.DebtorJson, Json) ?? throw new InvalidOperationException($"Payment {row.Id} has no debtor."),
        Description = row.Description,
        Reference = row.Reference,
        TaxonomyCode = row.TaxonomyCode,
        ExpiryPolicy = row.ExpiryPolicy,
        Options = options.OrderBy(o => o.Index).Select(ToRecord).ToList(),
        Refusal = Refusal(row),
        BatchId = row.BatchId,
        BatchIndex = row.BatchIndex,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        SyncedAt = row.SyncedAt,
        Version = row.Version,
    };

    /// <summary>The records of <paramref name="rows"/>, in their order, with their notices read in one query.</summary>
    public static async Task<List<PaymentRecord>> ReadRecordsAsync(HubDbContext db, IReadOnlyList<PaymentRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var options = (await db.PaymentOptions.AsNoTracking()
            .Where(o => ids.Contains(o.PaymentId))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false)).ToLookup(o => o.PaymentId);
        return rows.Select(r => ToRecord(r, options[r.Id])).ToList();
    }

    private static PaymentOptionRecord ToRecord(PaymentOptionRow row) => new()
    {
        Index = row.Index,
        NoticeNumber = NoticeNumber.FromPlatform(row.NoticeNumber),
        AmountCents = row.AmountCents,
        DueDate = row.DueDate,
        Transfers = JsonSerializer.Deserialize<List<PaymentTransfer>>(row.TransfersJson, Json) ?? [],
        Status = row.Status,
        PaidAt = row.PaidAt,
        ReceiptId = row.ReceiptId,
        PspCompany = row.PspCompany,
        FeeCents = row.FeeCents,
    };
}
