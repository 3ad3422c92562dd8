namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>GPD's <c>AppError</c> titles and details, word for word (docs/platforms/pagopa.md §1.6, [GPD] exception/AppError.java).</summary>
internal static class GpdErrors
{
    public static GpdProblem RequestData(string detail) => new(400, "Error in the debt position request data", detail);

    /// <summary>Bean validation of the body or of a query parameter, as GPD's error handler words it.</summary>
    public static GpdProblem BadRequest(string detail) => new(400, "BAD REQUEST", detail);

    public static GpdProblem NotRecoverable(DateOnly from, DateOnly to, int days, int maxDays) => new(
        400,
        "The debt positions cannot be recovered",
        $"Debt positions cannot be recovered. Verify that due_date_to >= due_date_from and that the interval between the two dates not exceed the maximum number of days allowed [due_date_from= {from:yyyy-MM-dd}, due_date_to= {to:yyyy-MM-dd}, days_between_from_to= {days}, max_days_interval= {maxDays}]");

    public static GpdProblem UniqueViolation(string org) => new(
        409,
        "The debt position violated constraints of uniqueness",
        $"Already exists a debt position for the Organization Fiscal Code {org} or one of its payment options is not unique");

    public static GpdProblem NotFound(string org, string iupd) =>
        new(404, "Not found the debt position", $"Not found a debt position for Organization Fiscal Code {org} and IUPD {iupd}");

    public static GpdProblem PaymentFound(string org, string iupd) => new(
        409,
        "Existing related payment found",
        $"A payment transaction has already been carried out on the debt position with Organization Fiscal Code {org} and IUPD {iupd}");

    public static GpdProblem NotUpdatable(string org, string iupd) => new(
        409,
        "Existing related payment found or not in updatable state",
        $"A payment transaction has already been carried out or, the debt position with Organization Fiscal Code {org} and IUPD {iupd}, is not in updatable state");

    public static GpdProblem NotPublishable(string org, string iupd) => new(
        409,
        "Existing related payment found or not in publishable state",
        $"A payment transaction has already been carried out or, the debt position with Organization Fiscal Code {org} and IUPD {iupd}, is not in publishable state");

    public static GpdProblem PublishValidityDateMismatch(string org, string iupd) => new(
        409,
        "Publish request occurred after the validity date began",
        $"A publish request has been made after the validity date began for the debt position with Organization Fiscal Code {org} and IUPD {iupd}");

    public static GpdProblem PublishDueDateMismatch(string org, string iupd) => new(
        409,
        "Publish request occurred after the due date of a payment options has expired",
        $"A publish request occurred after the due date of a payment options has expired for the debt position with Organization Fiscal Code {org} and IUPD {iupd}");

    public static GpdProblem NotInvalidable(string org, string iupd) => new(
        409,
        "Existing related payment found or not in invalidable state",
        $"A payment transaction has already been carried out or, the debt position with Organization Fiscal Code {org} and IUPD {iupd}, is not in invalidable state");

    public static GpdProblem OptionNotFound(string org, string nav) =>
        new(404, "Not found the payment option", $"Not found a payment option for Organization Fiscal Code {org} and NAV {nav}");

    public static GpdProblem OptionIuvNotFound(string org, string iuv) =>
        new(404, "Not found the payment option", $"Not found a payment option for Organization Fiscal Code {org} and IUV {iuv}");

    public static GpdProblem OptionNotPayable(string org, string nav) =>
        new(422, "Not in payable state", $"The payment option with Organization Fiscal Code {org} and NAV {nav} is not in payable state");

    public static GpdProblem OptionAlreadyPaid(string org, string nav) => new(
        409,
        "Existing related payment found",
        $"A payment transaction has already been carried out for the Organization Fiscal Code {org} and NAV {nav}");
}
