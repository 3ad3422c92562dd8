using System.Security.Cryptography;
using System.Text.Json;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Core.Payments;
using InteropHub.Host.Auth;
using InteropHub.Host.Idempotency;
using InteropHub.Host.Payments;
using InteropHub.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InteropHub.Host.Apis;

/// <summary>
/// <c>/v1/payments</c>: debt positions on pagoPA with their notices. A payment is stored before pagoPA is asked and its
/// position is named after the request's Idempotency-Key, so a retry — or the recovery pass after a crash — never
/// makes a second position.
/// </summary>
internal static class PaymentsApi
{
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder payments)
    {
        payments.MapPost("/", CreateAsync).WithIdempotency().RequireAuthorization(Scopes.PaymentsWrite).WithName("CreatePayment")
            .WithSummary("Creates a payment: its debt position on pagoPA, published at once. 201 when payable, 202 when pagoPA could not be reached yet.")
            .Produces<PaymentInfo>(StatusCodes.Status201Created).Produces<PaymentInfo>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status502BadGateway);
        payments.MapGet("/", ListAsync).WithName("ListPayments")
            .WithSummary("The tenant's payments, newest first: by status, debtor fiscal code, due dates; 1-based pages.");
        payments.MapGet("/{id:guid}", GetAsync).WithName("GetPayment")
            .WithSummary("A payment; with refresh=true its position is read from pagoPA first (status, receipts).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapPatch("/{id:guid}", PatchAsync).RequireAuthorization(Scopes.PaymentsWrite).WithName("UpdatePayment")
            .WithSummary("Changes the description, and for a payment made at once the amount and due date, while unpaid; republished on pagoPA.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        payments.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(Scopes.PaymentsWrite).WithName("CancelPayment")
            .WithSummary("Cancels an unpaid payment for good (its notices can no longer be paid); 409 payment-already-paid once paid.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapGet("/{id:guid}/qr", QrAsync).WithName("GetPaymentQr")
            .WithSummary("The QR code of a notice (PNG, or SVG with format=svg); notice=N picks an installment, else the first unpaid.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapGet("/{id:guid}/notice", NoticeAsync).WithName("GetPaymentNotice")
            .WithSummary("The A4 PDF pagoPA payment notice, one part per unpaid installment.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status409Conflict);
        return payments;
    }

    private static async Task<IResult> CreateAsync(
        PaymentRequest request, HttpContext http, IPaymentStore store, INoticeNumberSource numbers, TimeProvider time, CancellationToken cancellationToken)
    {
        var creation = http.RequestServices.GetRequiredService<PaymentCreation>();
        var tenantId = http.User.Tenant();
        var tenant = creation.Tenant(tenantId);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var draft = PaymentValidator.Validate(request, tenant, PaymentPositions.Today(time), errors);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid payment", detail: "Some fields are not acceptable; see errors.");
        }

        var iupd = PaymentIdentity.Iupd(tenant, http.Request.Headers[IdempotencyMiddleware.Header].ToString());
        var hash = RequestHash(request);
        var payment = await store.FindByIupdAsync(tenantId, iupd, cancellationToken);
        if (payment is null)
        {
            var reserved = await numbers.ReserveAsync(tenantId, PaymentTenant.SegregationCode(tenant), draft.Options.Count, cancellationToken);
            (payment, _) = await store.AddPendingAsync(draft.ToNewPayment(tenantId, iupd, hash, reserved), cancellationToken);
        }

        if (payment.RequestHash != hash)
        {
            return Problem.Result(422, ErrorCodes.IdempotencyKeyReuse, "Idempotency-Key reused",
                "This Idempotency-Key already created a different payment; use a new key for a new payment.");
        }

        var (done, unavailable) = await creation.CompleteAsync(payment, cancellationToken);
        var info = PaymentInfo.From(done, PaymentTenant.Creditor(tenant));
        var location = $"/v1/payments/{done.Id}";
        return done.Status switch
        {
            PaymentStatus.Failed => Problem.Result(502, ErrorCodes.UpstreamRejected, "pagoPA refused the payment",
                done.Refusal?.Detail ?? "pagoPA refused the debt position.",
                new Dictionary<string, object?> { ["paymentId"] = done.Id, ["gpd_title"] = done.Refusal?.PlatformTitle }),
            PaymentStatus.Pending => TypedResults.Accepted(location, info),
            _ => unavailable is null ? TypedResults.Created(location, info) : TypedResults.Accepted(location, info),
        };
    }

    private static async Task<Results<Ok<PaymentListInfo>, ProblemHttpResult>> ListAsync(
        string? status, string? debtor, DateOnly? dueFrom, DateOnly? dueTo, int? page, int? pageSize,
        HttpContext http, IPaymentStore store, ITenantDirectory tenants, CancellationToken cancellationToken)
    {
        PaymentStatus? wanted = null;
        if (status is not null && (wanted = PaymentInfo.Parse(status)) is null)
        {
            return Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid status",
                "status is one of pending, payable, partially-paid, paid, reported, cancelled, expired, failed.");
        }

        var code = debtor?.Trim().ToUpperInvariant();
        if (code is not null && !FiscalCode.TryParse(code, out _) && !OrganizationFiscalCode.TryParse(code, out _))
        {
            return Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid debtor", "debtor is a codice fiscale or an 11-digit fiscal code.");
        }

        if (page is < 1 || pageSize is < 1 or > MaxPageSize || (dueFrom is { } from && dueTo is { } to && from > to))
        {
            return Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid page",
                $"page is 1 or more, pageSize 1 to {MaxPageSize}, and dueFrom not after dueTo.");
        }

        var tenant = http.User.Tenant();
        var query = new PaymentListQuery { Status = wanted, DebtorFiscalCode = code, DueFrom = dueFrom, DueTo = dueTo, Page = page ?? 1, PageSize = pageSize ?? 50 };
        var found = await store.ListAsync(tenant, query, cancellationToken);
        var creditor = PaymentTenant.Creditor(PaymentTenant.Settings(tenants, tenant));
        return TypedResults.Ok(new PaymentListInfo(query.Page, query.PageSize, found.Total, [.. found.Items.Select(p => PaymentInfo.From(p, creditor))]));
    }

    private static async Task<Results<Ok<PaymentInfo>, ProblemHttpResult>> GetAsync(
        Guid id, bool? refresh, HttpContext http, IPaymentStore store, ITenantDirectory tenants, CancellationToken cancellationToken)
    {
        var tenant = http.User.Tenant();
        if (await store.FindAsync(tenant, id, cancellationToken) is not { } payment)
        {
            return NotFound(id);
        }

        if (refresh == true)
        {
            payment = await RefreshAsync(payment, store, Gateway(http), cancellationToken);
        }

        return TypedResults.Ok(PaymentInfo.From(payment, PaymentTenant.Creditor(PaymentTenant.Settings(tenants, tenant))));
    }

    private static async Task<Results<Ok<PaymentInfo>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        Guid id, PaymentPatchRequest patch, HttpContext http, IPaymentStore store, ITenantDirectory tenants, TimeProvider time, CancellationToken cancellationToken)
    {
        var gateway = Gateway(http);
        var tenantId = http.User.Tenant();
        var tenant = PaymentTenant.Settings(tenants, tenantId);
        if (await store.FindAsync(tenantId, id, cancellationToken) is not { } payment)
        {
            return NotFound(id);
        }

        if (Unchangeable(payment) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (PaymentValidator.Revise(patch, payment, tenant, PaymentPositions.Today(time), errors) is not { } revision)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid change", detail: "Some fields are not acceptable; see errors.");
        }

        var revised = payment with
        {
            Description = revision.Description,
            Options = [.. payment.Options.Zip(revision.Options, (o, r) => o with { AmountCents = r.AmountCents, DueDate = r.DueDate, Transfers = r.Transfers })],
        };
        DebtPositionSnapshot position;
        try
        {
            position = await gateway.UpdateAsync(tenantId, PaymentPositions.For(revised, tenant), cancellationToken);
        }
        catch (HubProblemException conflict) when (conflict.Code == ErrorCodes.PaymentNotModifiable)
        {
            var now = await RefreshAsync(payment, store, gateway, cancellationToken);
            return Unchangeable(now) ?? Conflict(conflict);
        }

        if (await store.ReviseAsync(tenantId, id, payment.Version, revision, cancellationToken) is null)
        {
            return Problem.Result(409, ErrorCodes.Conflict, "Changed meanwhile", "The payment changed while this change was applied; read it again and retry.");
        }

        var recorded = await store.RecordOutcomesAsync(tenantId, [new PaymentOutcome(id, position, null)], cancellationToken);
        return TypedResults.Ok(PaymentInfo.From(recorded[0], PaymentTenant.Creditor(tenant)));
    }

    private static async Task<Results<Ok<PaymentInfo>, ProblemHttpResult>> CancelAsync(
        Guid id, HttpContext http, IPaymentStore store, ITenantDirectory tenants, CancellationToken cancellationToken)
    {
        var gateway = Gateway(http);
        var tenantId = http.User.Tenant();
        var creditor = PaymentTenant.Creditor(PaymentTenant.Settings(tenants, tenantId));
        if (await store.FindAsync(tenantId, id, cancellationToken) is not { } payment)
        {
            return NotFound(id);
        }

        if (payment.Status == PaymentStatus.Cancelled)
        {
            return TypedResults.Ok(PaymentInfo.From(payment, creditor));
        }

        if (Unchangeable(payment) is { } refused)
        {
            return refused;
        }

        DebtPositionSnapshot position;
        try
        {
            position = await gateway.InvalidateAsync(tenantId, payment.Iupd, cancellationToken);
        }
        catch (HubProblemException conflict) when (conflict.Code == ErrorCodes.PaymentNotModifiable)
        {
            var now = await RefreshAsync(payment, store, gateway, cancellationToken);
            return now.Status == PaymentStatus.Cancelled ? TypedResults.Ok(PaymentInfo.From(now, creditor)) : Unchangeable(now) ?? Conflict(conflict);
        }

        var recorded = await store.RecordOutcomesAsync(tenantId, [new PaymentOutcome(id, position, null)], cancellationToken);
        return TypedResults.Ok(PaymentInfo.From(recorded[0], creditor));
    }

    private static async Task<IResult> QrAsync(Guid id, string? format, int? notice, HttpContext http, IPaymentStore store, ITenantDirectory tenants, CancellationToken cancellationToken)
    {
        var svg = format switch
        {
            "svg" => true,
            "png" => false,
            null => http.Request.Headers.Accept.ToString().Contains("image/svg+xml", StringComparison.OrdinalIgnoreCase),
            _ => (bool?)null,
        };
        if (svg is null)
        {
            return Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid format", "format is png or svg.");
        }

        var tenantId = http.User.Tenant();
        if (await store.FindAsync(tenantId, id, cancellationToken) is not { } payment)
        {
            return NotFound(id);
        }

        if (NotPayable(payment) is { } refused)
        {
            return refused;
        }

        var option = notice is { } n
            ? payment.Options.FirstOrDefault(o => o.Index == n - 1)
            : payment.Options.FirstOrDefault(o => o.Status == DebtOptionStatus.Unpaid) ?? payment.Options[0];
        if (option is null)
        {
            return Problem.Result(404, ErrorCodes.NotFound, "No such notice", $"The payment has notices 1 to {payment.Options.Count}.");
        }

        var payload = PaymentQr.Payload(option.NoticeNumber, PaymentTenant.Creditor(PaymentTenant.Settings(tenants, tenantId)), option.AmountCents);
        var renderer = http.RequestServices.GetRequiredService<IPaymentNoticeRenderer>();
        return svg.Value
            ? TypedResults.Text(renderer.QrSvg(payload), "image/svg+xml")
            : TypedResults.File(renderer.QrPng(payload), "image/png");
    }

    private static async Task<IResult> NoticeAsync(Guid id, HttpContext http, IPaymentStore store, ITenantDirectory tenants, CancellationToken cancellationToken)
    {
        var tenantId = http.User.Tenant();
        var tenant = PaymentTenant.Settings(tenants, tenantId);
        if (await store.FindAsync(tenantId, id, cancellationToken) is not { } payment)
        {
            return NotFound(id);
        }

        if (NotPayable(payment) is { } refused)
        {
            return refused;
        }

        var parts = payment.Options.Where(o => o.Status == DebtOptionStatus.Unpaid).Select(o => new PaymentNoticePart(o.NoticeNumber, o.AmountCents, o.DueDate)).ToList();
        if (parts.Count == 0)
        {
            return Problem.Result(409, ErrorCodes.PaymentAlreadyPaid, "Nothing left to pay", "Every notice of this payment is paid.");
        }

        var pdf = http.RequestServices.GetRequiredService<IPaymentNoticeRenderer>().NoticePdf(new PaymentNotice
        {
            CreditorName = tenant.Name,
            CreditorFiscalCode = PaymentTenant.Creditor(tenant),
            DebtorName = payment.Debtor.FullName,
            DebtorFiscalCode = payment.Debtor.FiscalCode,
            Description = payment.Description,
            Parts = parts,
        });
        return TypedResults.File(pdf, "application/pdf", $"avviso-pagopa-{parts[0].NoticeNumber.Value}.pdf");
    }

    /// <summary>Reads the position from pagoPA and records it; a payment still pending stays so while pagoPA has none.</summary>
    private static async Task<PaymentRecord> RefreshAsync(PaymentRecord payment, IPaymentStore store, IPaymentGateway gateway, CancellationToken cancellationToken)
    {
        if (payment.Status == PaymentStatus.Failed)
        {
            return payment;
        }

        var position = await gateway.GetAsync(payment.Tenant, payment.Iupd, cancellationToken);
        if (position is null)
        {
            return payment.Status == PaymentStatus.Pending
                ? payment
                : throw new HubProblemException(502, ErrorCodes.UpstreamRejected, "pagoPA lost the payment",
                    $"pagoPA has no debt position {payment.Iupd} any more.");
        }

        var recorded = await store.RecordOutcomesAsync(payment.Tenant, [new PaymentOutcome(payment.Id, position, null)], cancellationToken);
        return recorded.Count == 1 ? recorded[0] : payment;
    }

    /// <summary>Why a payment cannot be changed or cancelled now, or null when it can.</summary>
    private static ProblemHttpResult? Unchangeable(PaymentRecord payment) => payment.Status switch
    {
        PaymentStatus.Payable => null,
        PaymentStatus.Paid or PaymentStatus.PartiallyPaid or PaymentStatus.Reported => Problem.Result(409, ErrorCodes.PaymentAlreadyPaid, "Payment already paid",
            "The payment has been paid (in whole or in part) and can no longer be changed or cancelled."),
        PaymentStatus.Pending => Problem.Result(409, ErrorCodes.PaymentNotModifiable, "Payment not yet on pagoPA",
            "The payment is still being created on pagoPA; retry shortly."),
        _ => Problem.Result(409, ErrorCodes.PaymentNotModifiable, "Payment closed",
            $"The payment is {PaymentInfo.Name(payment.Status)} and can no longer be changed or cancelled."),
    };

    private static ProblemHttpResult? NotPayable(PaymentRecord payment) =>
        payment.Status is PaymentStatus.Pending or PaymentStatus.Failed or PaymentStatus.Cancelled
            ? Problem.Result(409, ErrorCodes.Conflict, "No notice to pay", $"The payment is {PaymentInfo.Name(payment.Status)}: it has no payable notice.")
            : null;

    private static ProblemHttpResult Conflict(HubProblemException conflict) =>
        Problem.Result(409, conflict.Code, conflict.Title, conflict.Message, conflict.Extensions);

    private static ProblemHttpResult NotFound(Guid id) =>
        Problem.Result(404, ErrorCodes.NotFound, "No such payment", $"No payment {id} exists for this tenant.");

    /// <summary>The adapter's services are resolved inside the handlers: the group's filter has then made sure the adapter is enabled.</summary>
    private static IPaymentGateway Gateway(HttpContext http) => http.RequestServices.GetRequiredService<IPaymentGateway>();

    private static string RequestHash(PaymentRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
}
