using System.Text.Json.Nodes;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>GPD's bean validation and congruence checks on create (docs/platforms/pagopa.md §1.4), dates against the sandbox clock in UTC.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Transfers_not_summing_to_the_amount_answer_amounts_congruence_error()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["paymentOption"]![0]!["amount"] = 30001;

        var (status, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", position);

        Assert.Equal((400, "Error in the debt position request data"), (status, Text(problem, "title")));
        Assert.StartsWith("Amounts congruence error", Text(problem, "detail"), StringComparison.Ordinal);
        Assert.Empty(_host.PagoPa.Positions(Org));
    }

    [Fact]
    public async Task A_due_date_before_now_in_utc_is_refused()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["paymentOption"]![0]!["dueDate"] = "2026-03-02T08:59:59";

        var (status, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", position);

        Assert.Equal(400, status);
        Assert.StartsWith("Dates congruence error: due_date must be >= validity_date", Text(problem, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validity_date_in_the_past_is_refused()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["validityDate"] = "2026-03-01T00:00:00";

        var (status, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", position);

        Assert.Equal(400, status);
        Assert.StartsWith("Dates congruence error: validity_date must be >= current_date", Text(problem, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_below_one_cent_is_a_bad_request()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["paymentOption"]![0]!["amount"] = 0;

        var (status, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", position);

        Assert.Equal((400, "BAD REQUEST"), (status, Text(problem, "title")));
        Assert.Contains("paymentOption[0].amount: must be greater than or equal to 1", Text(problem, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_five_transfers_are_refused()
    {
        var position = Position("IUPD-1", "01000000000000001", 600);
        var transfers = new JsonArray();
        for (var i = 1; i <= 6; i++)
        {
            transfers.Add(new JsonObject { ["idTransfer"] = $"{Math.Min(i, 5)}", ["amount"] = 100, ["remittanceInformation"] = "r", ["category"] = "9/0101108TS/", ["iban"] = "IT60X0542811101000000123456" });
        }

        position["paymentOption"]![0]!["transfer"] = transfers;

        var (status, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", position);

        Assert.Equal(400, status);
        Assert.StartsWith("Number of transfers congruence error", Text(problem, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_without_iban_or_stamp_is_refused()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["paymentOption"]![0]!["transfer"]![0]!.AsObject().Remove("iban");

        var (status, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", position);

        Assert.Equal(400, status);
        Assert.StartsWith("The Iban may be present", Text(problem, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_members_are_listed()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position.Remove("fullName");

        var (status, problem, _) = await _host.Call(HttpMethod.Post, "debtpositions", position);

        Assert.Equal((400, "fullName: must not be null"), (status, Text(problem, "detail")));
    }
}
