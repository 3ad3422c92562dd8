namespace InteropHub.Contracts.Registry;

/// <summary>
/// The stable <c>code</c>s of the problems only the registry answers with, beside the general
/// <see cref="Errors.ErrorCodes"/> (<c>upstream-rejected</c>, <c>upstream-unavailable</c>, <c>validation-failed</c>, …).
/// </summary>
public static class RegistryErrorCodes
{
    /// <summary>400: the value given as a fiscal code is not a valid 16-character codice fiscale of a natural person.</summary>
    public const string InvalidFiscalCode = "invalid-fiscal-code";

    /// <summary>
    /// 404: ANPR has no such resident (EN122). The detail says whether the person was never registered or was
    /// cancelled, and the problem's <c>reason</c> member is <c>never-registered</c>, <c>cancelled</c> or <c>no-result</c>.
    /// </summary>
    public const string ResidentNotFound = "resident-not-found";

    /// <summary>
    /// 403: the tenant may not use the ANPR e-service named in the detail and in the <c>service</c> member: it has no
    /// PDND purpose for it, or ANPR refused it (EN148, or a voucher for another purpose).
    /// </summary>
    public const string AnprNotEntitled = "anpr-not-entitled";

    /// <summary>
    /// 429: the tenant's daily quota for the ANPR e-service in the <c>service</c> member is used up, counted by the hub
    /// or declared by ANPR; <c>Retry-After</c> points at the next midnight in Europe/Rome.
    /// </summary>
    public const string QuotaExhausted = "quota-exhausted";
}
