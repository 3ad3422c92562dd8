using System.Text;
using System.Text.Json;
using InteropHub.Host.Payments;

namespace InteropHub.Host.Tests.Payments;

public sealed class PaymentBatchReaderTests
{
    // The HTTP options set nothing about unknown members: the request types refuse them themselves.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_ndjson_item_with_an_unknown_member_is_its_error_naming_line_and_member()
    {
        var body = "{\"description\":\"a\"}\n\n{\"description\":\"b\",\"ammount\":5}\n{\"debtor\":{\"name\":\"x\",\"fiscalcodee\":\"y\"}}\n";

        var items = await ReadAsync(body, ndjson: true);

        Assert.Equal(3, items.Count);
        Assert.Null(items[0].Problem);
        Assert.Equal(new PaymentItemProblem("ammount", $"Line 3: 'ammount' is not a member of this object; its members are {Members<PaymentRequest>()}."), items[1].Problem);
        Assert.Equal("debtor.fiscalcodee", items[2].Problem?.Field);
        Assert.StartsWith("Line 4: 'fiscalcodee' is not a member of this object", items[2].Problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_array_item_with_an_unknown_member_is_its_error()
    {
        var items = await ReadAsync("""[{"description":"a"},{"description":"b","ammount":5}]""", ndjson: false);

        Assert.Null(items[0].Problem);
        Assert.Equal("ammount", items[1].Problem?.Field);
        Assert.DoesNotContain("InteropHub", items[1].Problem?.Message, StringComparison.Ordinal);
    }

    private static string Members<T>() => string.Join(", ", Options.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name));

    private static async Task<List<(PaymentRequest? Request, PaymentItemProblem? Problem)>> ReadAsync(string body, bool ndjson)
    {
        using var reader = new PaymentBatchReader(new MemoryStream(Encoding.UTF8.GetBytes(body)), ndjson, Options);
        var items = new List<(PaymentRequest?, PaymentItemProblem?)>();
        await foreach (var item in reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return items;
    }
}
