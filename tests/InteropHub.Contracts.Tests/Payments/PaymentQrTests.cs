using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Tests.Payments;

public sealed class PaymentQrTests
{
    [Fact]
    public void Payload_is_the_pagopa_002_string_with_unpadded_cents()
    {
        var payload = PaymentQr.Payload(NoticeNumber.Parse("301000000000000144"), OrganizationFiscalCode.Parse("80015010723"), 12_345);

        Assert.Equal("PAGOPA|002|301000000000000144|80015010723|12345", payload);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Payload_refuses_an_amount_that_is_not_positive(long cents) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PaymentQr.Payload(NoticeNumber.Parse("301000000000000144"), OrganizationFiscalCode.Parse("80015010723"), cents));
}
