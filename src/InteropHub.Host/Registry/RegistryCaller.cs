using System.Globalization;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Host.Auth;
using InteropHub.Host.Observability;

namespace InteropHub.Host.Registry;

/// <summary>
/// Everything a registry read must carry before any upstream call: a valid fiscal code, the operator
/// (<c>X-Operator-Id</c>) and the reason (<c>X-Request-Reason</c>, ANPR's <c>motivoRichiesta</c>), and a reference date
/// not in the future. Checked at the edge, so a bad request costs ANPR nothing.
/// </summary>
internal static class RegistryCaller
{
    public const string OperatorHeader = "X-Operator-Id";
    public const string ReasonHeader = "X-Request-Reason";
    private const int MaxOperatorLength = 64;
    private const int MaxReasonLength = 200;

    public static ResidentQuery Query(HttpContext http, string fiscalCode, string? at, TimeProvider time)
    {
        if (!FiscalCode.TryParse(fiscalCode, out var code))
        {
            throw new HubProblemException(400, RegistryErrorCodes.InvalidFiscalCode, "Invalid fiscal code",
                "Not the codice fiscale of a natural person: 16 characters with a valid check character and a real birth date (11-digit codes of legal persons are not residents).");
        }

        return new ResidentQuery(Caller(http), code, ReferenceDate(at, time));
    }

    /// <summary>The tenant, the request id, and the operator and reason the headers must carry (422 missing-header otherwise).</summary>
    public static CallerContext Caller(HttpContext http)
    {
        var operatorId = Header(http, OperatorHeader, MaxOperatorLength, "the operator who asks (it becomes ANPR's userID and the audit record's actor)");
        var reason = Header(http, ReasonHeader, MaxReasonLength, "why (a protocol or file number: it becomes ANPR's motivoRichiesta)");
        return new CallerContext(http.User.Tenant(), RequestId(http), operatorId, reason);
    }

    private static string Header(HttpContext http, string name, int maxLength, string purpose)
    {
        var value = http.Request.Headers[name].ToString().Trim();
        if (value.Length == 0 || value.Length > maxLength || value.Any(char.IsControl))
        {
            throw new HubProblemException(422, ErrorCodes.MissingHeader, $"{name} required",
                $"Registry reads must name {purpose} in the {name} header: 1 to {maxLength} printable characters.");
        }

        return value;
    }

    /// <summary>The reference date of <c>at</c> (YYYY-MM-DD, not after today in Europe/Rome), or null for today; 400 otherwise.</summary>
    public static DateOnly? ReferenceDate(string? at, TimeProvider time)
    {
        if (string.IsNullOrEmpty(at))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Invalid("at must be a date as YYYY-MM-DD.");
        }

        var today = RomeCalendar.Day(time.GetUtcNow());
        return date <= today ? date : throw Invalid("at must not be in the future (Europe/Rome).");
    }

    private static HubProblemException Invalid(string detail)
    {
        var problem = new HubProblemException(400, ErrorCodes.ValidationFailed, "Invalid query", detail);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { ["at"] = [detail] };
        return problem;
    }

    private static string RequestId(HttpContext http) => http.Items[RequestIdMiddleware.ItemKey] as string ?? http.TraceIdentifier;
}
