using System.Net;
using System.Text;
using System.Text.Json;
using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Adapters.PagoPa.Resilience;
using InteropHub.Adapters.PagoPa.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Tenancy;
using Refit;

namespace InteropHub.Adapters.PagoPa.Tests.Gpd;

/// <summary>Exactly-once creation on GPD: 409 means "already there", a lost answer means "look before you resend".</summary>
public sealed class GpdPositionsTests
{
    private static readonly TenantId Tenant = BariTenant.Id;
    private const string Organization = BariTenant.Organization;

    [Fact]
    public async Task A_created_position_is_returned_after_one_call()
    {
        var gpd = new ScriptedGpd(_ => Answer(HttpStatusCode.Created, Position("VALID")));

        var created = await Positions(gpd).EnsureCreatedAsync(Tenant, Position(null), TestContext.Current.CancellationToken);

        Assert.Equal("VALID", created.Status);
        Assert.Equal(["POST /gpd/v1/organizations/80015010723/debtpositions?toPublish=true"], gpd.Calls);
        Assert.All(gpd.Keys, key => Assert.Equal("subscription-key-of-bari", key));
    }

    [Fact]
    public async Task A_409_unique_violation_reads_the_position_and_publishes_a_draft()
    {
        var gpd = new ScriptedGpd(request => request.Method.Method switch
        {
            "POST" when request.RequestUri!.AbsolutePath.EndsWith("/publish", StringComparison.Ordinal) => Answer(HttpStatusCode.OK, Position("VALID")),
            "POST" => Problem(HttpStatusCode.Conflict, "The debt position violated constraints of uniqueness"),
            _ => Answer(HttpStatusCode.OK, Position("DRAFT")),
        });

        var created = await Positions(gpd).EnsureCreatedAsync(Tenant, Position(null), TestContext.Current.CancellationToken);

        Assert.Equal("VALID", created.Status);
        Assert.Equal(
            ["POST /gpd/v1/organizations/80015010723/debtpositions?toPublish=true", "GET /gpd/v1/organizations/80015010723/debtpositions/iupd-1", "POST /gpd/v1/organizations/80015010723/debtpositions/iupd-1/publish"],
            gpd.Calls);
    }

    [Fact]
    public async Task A_lost_answer_is_followed_by_a_lookup_that_finds_the_written_position_and_no_second_create()
    {
        var gpd = new ScriptedGpd(request => request.Method == HttpMethod.Post
            ? Answer(HttpStatusCode.BadGateway, null)
            : Answer(HttpStatusCode.OK, Position("VALID")));

        var created = await Positions(gpd).EnsureCreatedAsync(Tenant, Position(null), TestContext.Current.CancellationToken);

        Assert.Equal("VALID", created.Status);
        Assert.Equal(1, gpd.Calls.Count(c => c.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_lost_answer_for_a_position_that_was_not_written_sends_the_create_again()
    {
        var posts = 0;
        var gpd = new ScriptedGpd(request => request.Method == HttpMethod.Post
            ? ++posts == 1 ? throw new HttpRequestException("connection reset") : Answer(HttpStatusCode.Created, Position("VALID"))
            : Answer(HttpStatusCode.NotFound, null));

        var created = await Positions(gpd).EnsureCreatedAsync(Tenant, Position(null), TestContext.Current.CancellationToken);

        Assert.Equal("VALID", created.Status);
        Assert.Equal(["POST", "GET", "POST"], gpd.Calls.Select(c => c.Split(' ')[0]));
    }

    [Fact]
    public async Task A_refusal_is_a_502_carrying_gpds_title_and_is_never_resent()
    {
        var gpd = new ScriptedGpd(_ => Problem(HttpStatusCode.BadRequest, "Error in the debt position request data"));

        var refused = await Assert.ThrowsAsync<HubProblemException>(() => Positions(gpd).EnsureCreatedAsync(Tenant, Position(null), TestContext.Current.CancellationToken));

        Assert.Equal(502, refused.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, refused.Code);
        Assert.Equal("Error in the debt position request data", refused.Extensions["gpd_title"]);
        Assert.Single(gpd.Calls);
    }

    [Fact]
    public async Task An_upstream_that_never_answers_ends_in_503_after_bounded_lookups()
    {
        var gpd = new ScriptedGpd(request => request.Method == HttpMethod.Post ? Answer(HttpStatusCode.ServiceUnavailable, null) : Answer(HttpStatusCode.NotFound, null));

        var failed = await Assert.ThrowsAsync<HubProblemException>(() => Positions(gpd).EnsureCreatedAsync(Tenant, Position(null), TestContext.Current.CancellationToken));

        Assert.Equal(503, failed.Status);
        Assert.Equal(GpdPositions.MaxLostAnswers + 1, gpd.Calls.Count(c => c.StartsWith("POST", StringComparison.Ordinal)));
    }

    private static GpdPositions Positions(ScriptedGpd gpd)
    {
        var api = RestService.For<IGpdApi>(new HttpClient(gpd) { BaseAddress = new Uri("https://gpd.example/gpd/v1") }, GpdJson.RefitSettings);
        var bari = new BariTenant();
        return new GpdPositions(api, bari, bari);
    }

    private static GpdPaymentPosition Position(string? status) => new()
    {
        Iupd = "iupd-1",
        Type = "F",
        FiscalCode = "RSSMRA80A01H501U",
        FullName = "Mario Rossi",
        CompanyName = "Comune di Bari",
        Status = status,
        PaymentOption =
        [
            new GpdPaymentOption
            {
                Iuv = "01000000000000123",
                Amount = 10_000,
                Description = "TARI 2026",
                IsPartialPayment = false,
                DueDate = new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc),
                Transfer = [new GpdTransfer { IdTransfer = "1", Amount = 10_000, RemittanceInformation = "TARI 2026", Category = "9/0101108TS/", Iban = "IT60X0542811101000000123456" }],
            },
        ],
    };

    private static HttpResponseMessage Answer(HttpStatusCode status, GpdPaymentPosition? body) => new(status)
    {
        Content = body is null ? null : new StringContent(JsonSerializer.Serialize(body, GpdJson.Options), Encoding.UTF8, "application/json"),
    };

    private static HttpResponseMessage Problem(HttpStatusCode status, string title) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(new { title, status = (int)status, detail = "test" }), Encoding.UTF8, "application/json"),
    };

    private sealed class ScriptedGpd(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string> Calls { get; } = [];

        public List<string> Keys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
            Keys.Add(request.Headers.GetValues(SubscriptionKey.Header).Single());
            var response = answer(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
