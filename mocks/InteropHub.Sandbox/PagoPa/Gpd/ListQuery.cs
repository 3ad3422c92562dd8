using System.Globalization;
using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>
/// getOrganizationDebtPositions' query: limit ≤ 50, 0-based page, one date window (due date or payment date, never
/// both) of at most 30 days whose missing bound is the other ± 30 days, status, ordering (docs/platforms/pagopa.md §1.2).
/// </summary>
internal sealed record ListQuery(int Limit, int Page, DueWindow? Due, PaymentWindow? Payment, GpdPositionStatus? Status, string OrderBy, bool Descending)
{
    public const int MaxLimit = 50;
    public const int MaxDays = 30;

    public static ListQuery Parse(Func<string, string?> query)
    {
        var limit = Number(query("limit"), 10, "limit");
        if (limit is < 1 or > MaxLimit)
        {
            throw GpdErrors.BadRequest($"getOrganizationDebtPositions.limit: must be less than or equal to {MaxLimit}");
        }

        var page = Number(query("page"), 0, "page");
        if (page < 0)
        {
            throw GpdErrors.BadRequest("getOrganizationDebtPositions.page: must be greater than or equal to 0");
        }

        var due = Window(Date(query, "due_date_from"), Date(query, "due_date_to"));
        var paymentDays = Window(Date(query, "payment_date_from"), Date(query, "payment_date_to"));
        var paymentTimes = TimeWindow(DateTime(query, "payment_date_time_from"), DateTime(query, "payment_date_time_to"));
        if (due is not null && (paymentDays is not null || paymentTimes is not null))
        {
            throw GpdErrors.BadRequest("The due date interval and the payment date interval cannot be used together");
        }

        var payment = paymentTimes ?? (paymentDays is { } d ? new PaymentWindow(d.From.ToDateTime(TimeOnly.MinValue), d.To.ToDateTime(TimeOnly.MaxValue)) : null);
        return new ListQuery(
            limit,
            page,
            due,
            payment,
            query("status") is { } status ? Enum<GpdPositionStatus>(status, "status") : null,
            query("orderby") is { } orderBy ? OneOf(orderBy, "orderby", "INSERTED_DATE", "IUPD", "STATUS", "COMPANY_NAME") : "INSERTED_DATE",
            (query("ordering") is { } ordering ? OneOf(ordering, "ordering", "ASC", "DESC") : "DESC") == "DESC");
    }

    /// <summary>The <c>PaymentPositionsInfo</c> page of the positions that match.</summary>
    public JsonObject Answer(IReadOnlyList<DebtPosition> positions)
    {
        var matching = positions.Where(Matches);
        Func<DebtPosition, object> key = OrderBy switch
        {
            "IUPD" => p => p.Iupd,
            "STATUS" => p => GpdResponses.Wire(p.Status),
            "COMPANY_NAME" => p => p.CompanyName,
            _ => p => p.InsertedDate,
        };
        var ordered = (Descending ? matching.OrderByDescending(key) : matching.OrderBy(key)).ToList();
        var page = ordered.Skip(Page * Limit).Take(Limit).ToList();
        return new JsonObject
        {
            ["payment_position_list"] = new JsonArray([.. page.Select(GpdResponses.BaseResponse)]),
            ["page_info"] = new JsonObject
            {
                ["page"] = Page,
                ["limit"] = Limit,
                ["items_found"] = page.Count,
                ["total_pages"] = (ordered.Count + Limit - 1) / Limit,
            },
        };
    }

    private bool Matches(DebtPosition p) =>
        (Status is null || p.Status == Status)
        && (Due is not { } due || p.Options.Any(o => DateOnly.FromDateTime(o.DueDate) >= due.From && DateOnly.FromDateTime(o.DueDate) <= due.To))
        && (Payment is not { } pay || (p.PaymentDate is { } paid && paid >= pay.From && paid <= pay.To));

    private static DueWindow? Window(DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null)
        {
            return null;
        }

        var start = from ?? to!.Value.AddDays(-MaxDays);
        var end = to ?? from!.Value.AddDays(MaxDays);
        var days = end.DayNumber - start.DayNumber;
        return days is < 0 or > MaxDays ? throw GpdErrors.NotRecoverable(start, end, days, MaxDays) : new DueWindow(start, end);
    }

    private static PaymentWindow? TimeWindow(DateTime? from, DateTime? to)
    {
        if (from is null && to is null)
        {
            return null;
        }

        var start = from ?? to!.Value.AddDays(-MaxDays);
        var end = to ?? from!.Value.AddDays(MaxDays);
        var days = (int)Math.Ceiling((end - start).TotalDays);
        return days is < 0 or > MaxDays
            ? throw GpdErrors.NotRecoverable(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end), days, MaxDays)
            : new PaymentWindow(start, end);
    }

    private static int Number(string? text, int fallback, string name) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw GpdErrors.BadRequest($"{name}: must be an integer");

    private static DateOnly? Date(Func<string, string?> query, string name) =>
        query(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw GpdErrors.BadRequest($"{name}: must be a date yyyy-MM-dd");

    private static DateTime? DateTime(Func<string, string?> query, string name) =>
        query(name) is not { } text ? null
        : GpdDates.Parse(text) ?? throw GpdErrors.BadRequest($"{name}: must be a date-time yyyy-MM-ddTHH:mm:ss");

    private static T Enum<T>(string text, string name)
        where T : struct, Enum =>
        System.Enum.GetValues<T>().FirstOrDefault(v => GpdResponses.Wire(v) == text) is var value && GpdResponses.Wire(value) == text
            ? value
            : throw GpdErrors.BadRequest($"{name}: unknown value {text}");

    private static string OneOf(string text, string name, params string[] values) =>
        values.Contains(text) ? text : throw GpdErrors.BadRequest($"{name}: unknown value {text}");
}

internal sealed record DueWindow(DateOnly From, DateOnly To);

internal sealed record PaymentWindow(DateTime From, DateTime To);
