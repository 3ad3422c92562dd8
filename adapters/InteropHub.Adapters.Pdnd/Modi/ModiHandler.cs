using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Logging;

namespace InteropHub.Adapters.Pdnd.Modi;

/// <summary>
/// Applies a PDND e-service's ModI patterns to each request it sends: the voucher (ID_AUTH), <c>Digest</c> and
/// <c>Agid-JWT-Signature</c> (INTEGRITY), <c>Agid-JWT-TrackingEvidence</c> (AUDIT). Headers are set, never appended,
/// and signed anew on every pass, so a resilience retry of the same message is re-signed. A 401 from the producer
/// evicts the voucher and sends the request once more with a new one.
/// </summary>
internal sealed partial class ModiHandler(
    ModiEServiceProfile profile,
    bool apiInterop,
    PdndKeyRing keys,
    IVoucherProvider vouchers,
    TrackingEvidenceCache evidences,
    ModiTokenFactory tokens,
    ILogger<ModiHandler> logger) : DelegatingHandler
{
    public const string DigestHeader = "Digest";
    public const string SignatureHeader = "Agid-JWT-Signature";
    public const string TrackingEvidenceHeader = "Agid-JWT-TrackingEvidence";

    private bool IdAuth => (profile.Patterns & (ModiPatterns.IdAuthRest01 | ModiPatterns.IdAuthRest02)) != 0;

    private bool Integrity => (profile.Patterns & (ModiPatterns.IntegrityRest01 | ModiPatterns.IntegrityRest02)) != 0;

    private bool Audit => (profile.Patterns & (ModiPatterns.AuditRest01 | ModiPatterns.AuditRest02)) != 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = request.Options.TryGetValue(ModiRequestContext.OptionsKey, out var found)
            ? found
            : throw new InvalidOperationException(
                $"A request to PDND e-service '{profile.EServiceKey}' needs a {nameof(ModiRequestContext)} in HttpRequestMessage.Options ({ModiRequestContext.OptionsKeyName}).");
        var clientId = keys.ClientId(context.Tenant, apiInterop);
        var key = keys.ActiveKey(context.Tenant);
        var purposeId = apiInterop ? null : PurposeOf(context);

        string? auditDigest = null;
        if (Audit)
        {
            var evidence = evidences.Get(key, clientId, profile.Audience, purposeId!, RequireOperator(context));
            SetHeader(request, TrackingEvidenceHeader, evidence.Jws);
            if ((profile.Patterns & ModiPatterns.AuditRest02) != 0)
            {
                auditDigest = evidence.DigestHex;
            }
        }

        var voucherRequest = !IdAuth ? null
            : purposeId is null ? VoucherRequest.ForApiInterop(context.Tenant)
            : VoucherRequest.ForPurpose(context.Tenant, purposeId, auditDigest);
        for (var pass = 1; ; pass++)
        {
            if (Integrity)
            {
                await SignBodyAsync(request, key, clientId, cancellationToken).ConfigureAwait(false);
            }

            Voucher? voucher = null;
            if (voucherRequest is not null)
            {
                voucher = await vouchers.GetAsync(voucherRequest, cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue(voucher.TokenType, voucher.AccessToken);
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (voucher is null || response.StatusCode != HttpStatusCode.Unauthorized || pass == 2)
            {
                return response;
            }

            response.Dispose();
            vouchers.Invalidate(voucherRequest!, voucher);
            LogRetryingWithNewVoucher(profile.EServiceKey);
        }
    }

    private string PurposeOf(ModiRequestContext context) =>
        context.PurposeId
        ?? keys.Settings(context.Tenant).Purposes.GetValueOrDefault(profile.EServiceKey)
        ?? throw new InvalidOperationException($"Tenant '{context.Tenant}' has no Pdnd:Purposes:{profile.EServiceKey}.");

    private ModiRequestContext RequireOperator(ModiRequestContext context)
    {
        var missing = new[]
        {
            (nameof(context.OperatorId), context.OperatorId),
            (nameof(context.UserLocation), context.UserLocation),
            (nameof(context.LevelOfAssurance), context.LevelOfAssurance),
        }.Where(m => string.IsNullOrWhiteSpace(m.Item2)).Select(m => m.Item1).ToList();
        return missing.Count == 0
            ? context
            : throw new InvalidOperationException(
                $"PDND e-service '{profile.EServiceKey}' requires AUDIT_REST tracking evidence; the {nameof(ModiRequestContext)} lacks {string.Join(", ", missing)}.");
    }

    // The pattern protects a payload; a request without one (GET) carries no Digest nor signature.
    private async Task SignBodyAsync(HttpRequestMessage request, SigningKey key, string clientId, CancellationToken cancellationToken)
    {
        if (request.Content is not { } content)
        {
            return;
        }

        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var digest = "SHA-256=" + Convert.ToBase64String(SHA256.HashData(body));
        SetHeader(request, DigestHeader, digest);

        var signed = new List<KeyValuePair<string, string>> { new("digest", digest) };
        if (content.Headers.ContentType is { } contentType)
        {
            signed.Add(new("content-type", contentType.ToString()));
        }

        if (content.Headers.ContentEncoding.Count > 0)
        {
            signed.Add(new("content-encoding", string.Join(", ", content.Headers.ContentEncoding)));
        }

        SetHeader(request, SignatureHeader, tokens.Signature(key, clientId, profile.Audience, signed));
    }

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    [LoggerMessage(LogLevel.Information, "Producer of e-service {EServiceKey} answered 401; retrying once with a new voucher")]
    private partial void LogRetryingWithNewVoucher(string eServiceKey);
}
