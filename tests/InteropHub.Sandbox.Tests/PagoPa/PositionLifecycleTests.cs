using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>GPD v1's state machine: create, publish, update, invalidate, delete, with GPD's own 404/409 answers.</summary>
public sealed class PositionLifecycleTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Create_stores_a_draft_with_nav_3_plus_iuv_in_the_spec_model()
    {
        var body = await _host.Create(Position("IUPD-1", "01000000000000001"));

        Assert.Equal("DRAFT", Text(body, "status"));
        Assert.Equal("301000000000000001", Text(body.GetProperty("paymentOption")[0], "nav"));
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(body, "PaymentPositionModel"));
    }

    [Fact]
    public async Task Create_with_toPublish_is_valid_at_once_and_get_answers_the_base_response()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"), toPublish: true);

        var (status, body, _) = await _host.Call(HttpMethod.Get, "debtpositions/IUPD-1");

        Assert.Equal(200, status);
        Assert.Equal(("VALID", Org), (Text(body, "status"), Text(body, "organizationFiscalCode")));
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(body, "PaymentPositionModelBaseResponse"));
    }

    [Fact]
    public async Task Publishing_twice_answers_not_publishable()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));
        var (first, published, _) = await _host.Call(HttpMethod.Post, "debtpositions/IUPD-1/publish");

        var (second, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions/IUPD-1/publish");

        Assert.Equal((200, "VALID"), (first, Text(published, "status")));
        Assert.Equal(409, second);
        Assert.Equal("Existing related payment found or not in publishable state", Text(problem, "title"));
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(problem, "ProblemJson"));
    }

    [Fact]
    public async Task A_future_validity_date_publishes_and_becomes_valid_when_the_clock_reaches_it()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["validityDate"] = "2026-03-05T00:00:00";
        await _host.Create(position, toPublish: true);
        var published = _host.PagoPa.Positions(Org)[0].Status;

        _host.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal((GpdPositionStatus.Published, GpdPositionStatus.Valid), (published, _host.PagoPa.Positions(Org)[0].Status));
    }

    [Fact]
    public async Task Update_sends_a_published_position_back_to_draft_unless_toPublish()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"), toPublish: true);

        var (status, draft, _) = await _host.Call(HttpMethod.Put, "debtpositions/IUPD-1", Position("IUPD-1", "01000000000000001", 50000));
        var (_, republished, _) = await _host.Call(HttpMethod.Put, "debtpositions/IUPD-1?toPublish=true", Position("IUPD-1", "01000000000000001", 60000));

        Assert.Equal((200, "DRAFT"), (status, Text(draft, "status")));
        Assert.Equal(("VALID", "60000"), (Text(republished, "status"), Text(republished.GetProperty("paymentOption")[0], "amount")));
    }

    [Fact]
    public async Task Invalidate_is_allowed_from_valid_only_and_invalid_is_not_updatable()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));
        var (fromDraft, draftProblem, _) = await _host.Call(HttpMethod.Post, "debtpositions/IUPD-1/invalidate");
        await _host.Call(HttpMethod.Post, "debtpositions/IUPD-1/publish");

        var (status, invalid, _) = await _host.Call(HttpMethod.Post, "debtpositions/IUPD-1/invalidate");
        var (update, updateProblem, _) = await _host.Call(HttpMethod.Put, "debtpositions/IUPD-1", Position("IUPD-1", "01000000000000001"));

        Assert.Equal((409, "Existing related payment found or not in invalidable state"), (fromDraft, Text(draftProblem, "title")));
        Assert.Equal((200, "INVALID"), (status, Text(invalid, "status")));
        Assert.Equal((409, "Existing related payment found or not in updatable state"), (update, Text(updateProblem, "title")));
    }

    [Fact]
    public async Task Duplicate_iupd_or_iuv_answers_unique_violation()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));

        var (sameIupd, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", Position("IUPD-1", "01000000000000002"));
        var (sameIuv, _, _) = await _host.Call(HttpMethod.Post, "debtpositions", Position("IUPD-2", "01000000000000001"));

        Assert.Equal((409, 409), (sameIupd, sameIuv));
        Assert.Equal($"Already exists a debt position for the Organization Fiscal Code {Org} or one of its payment options is not unique", Text(problem, "detail"));
        Assert.Single(_host.PagoPa.Positions(Org));
    }

    [Fact]
    public async Task Unknown_iupd_answers_not_found_and_delete_removes_a_position()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));

        var (deleted, _, _) = await _host.Call(HttpMethod.Delete, "debtpositions/IUPD-1");
        var (status, problem, _) = await _host.Call(HttpMethod.Get, "debtpositions/IUPD-1");

        Assert.Equal(200, deleted);
        Assert.Equal((404, $"Not found a debt position for Organization Fiscal Code {Org} and IUPD IUPD-1"), (status, Text(problem, "detail")));
    }

    [Fact]
    public async Task A_valid_position_that_switches_to_expired_expires_after_its_due_date()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["switchToExpired"] = true;
        await _host.Create(position, toPublish: true);

        _host.Time.Advance(TimeSpan.FromDays(305));
        var (_, body, _) = await _host.Call(HttpMethod.Get, "debtpositions/IUPD-1");

        Assert.Equal("EXPIRED", Text(body, "status"));
    }
}
