using System.Text.Json;
using InteropHub.Host.Payments;
using InteropHub.Host.Problems;

namespace InteropHub.Host.Tests.Problems;

public sealed class JsonProblemsTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };

    [Theory]
    [InlineData("""{"ammount":1}""", "$.ammount", "'ammount' is not a member of this object; its members are description, amount, dueDate, transfers.")]
    [InlineData("""{"transfers":[{"iban":"x","extra":1}]}""", "$.transfers[0].extra", "'extra' is not a member of this object; its members are amount, iban, beneficiaryFiscalCode, remittance.")]
    [InlineData("""{"amount":true}""", "$.amount", "expected an integer.")]
    [InlineData("""{"dueDate":"tomorrow"}""", "$.dueDate", "expected a date as YYYY-MM-DD.")]
    [InlineData("""{"description":["a"]}""", "$.description", "expected a string.")]
    [InlineData("""{"transfers":"all"}""", "$.transfers", "expected an array.")]
    [InlineData("""{"transfers":[7]}""", "$.transfers[0]", "expected an object.")]
    [InlineData("""[1]""", "$", "expected an object.")]
    [InlineData("""{"description":"a","description":"b"}""", "$.description", "the member 'description' appears more than once.")]
    public void A_refused_body_is_described_by_path_and_expectation(string body, string path, string text)
    {
        var failure = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PaymentPatchRequest>(body, Options));

        var described = JsonProblems.Describe(failure, typeof(PaymentPatchRequest), Options);

        Assert.Equal((path, text), described);
    }

    [Fact]
    public void A_syntax_error_keeps_the_readers_words_without_its_advice()
    {
        var failure = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PaymentPatchRequest>("""{"amount":1,}""", Options));

        var (path, text) = JsonProblems.Describe(failure, typeof(PaymentPatchRequest), Options);

        Assert.Equal("$", path);
        Assert.StartsWith("not valid JSON (line 1, byte 13): The JSON object contains a trailing comma", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_known_target_no_type_name_leaks()
    {
        var failure = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PaymentPatchRequest>("""{"amount":"x"}""", Options));

        var (_, text) = JsonProblems.Describe(failure, null, Options);

        Assert.Equal("the value has the wrong type.", text);
    }
}
