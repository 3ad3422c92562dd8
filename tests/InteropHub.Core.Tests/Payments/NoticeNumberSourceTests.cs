using InteropHub.Contracts.Payments;
using InteropHub.Core.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Core.Tests.Payments;

public class NoticeNumberSourceTests : HubDatabaseTest
{
    private INoticeNumberSource Numbers => Db.Get<INoticeNumberSource>();

    [Fact]
    public async Task The_first_numbers_of_a_segregation_code_are_sequence_1_and_2_with_check_digits()
    {
        var first = await Numbers.NextAsync(TestTenants.AId, "01", Ct);
        var second = await Numbers.NextAsync(TestTenants.AId, "01", Ct);

        Assert.Equal("301000000000000144", first.Value);
        Assert.Equal(2, second.Iuv.Sequence);
        Assert.Equal("01", second.Iuv.SegregationCode);
        Assert.True(NoticeNumber.TryParse(second.Value, out _));
    }

    [Fact]
    public async Task Two_hundred_concurrent_callers_get_two_hundred_distinct_valid_numbers()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Numbers.NextAsync(TestTenants.AId, "01", Ct).AsTask()));

        Assert.Equal(200, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(n.HasValidCheckDigits));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), numbers.Select(n => n.Iuv.Sequence).Order());
    }

    [Fact]
    public async Task Tenants_and_segregation_codes_have_their_own_counters()
    {
        await Numbers.NextAsync(TestTenants.AId, "01", Ct);
        await Numbers.NextAsync(TestTenants.AId, "01", Ct);

        Assert.Equal(1, (await Numbers.NextAsync(TestTenants.BId, "01", Ct)).Iuv.Sequence);
        Assert.Equal(1, (await Numbers.NextAsync(TestTenants.AId, "02", Ct)).Iuv.Sequence);
        Assert.Equal(3, (await Numbers.NextAsync(TestTenants.AId, "01", Ct)).Iuv.Sequence);
    }

    [Fact]
    public async Task A_new_hub_on_the_same_database_continues_the_sequence()
    {
        await Numbers.NextAsync(TestTenants.AId, "01", Ct);
        var before = await Numbers.NextAsync(TestTenants.AId, "01", Ct);

        var services = new ServiceCollection();
        services.AddHubCore(Db.DatabaseConfiguration, Db.ContentRoot, TestTenants.Both);
        await using var restarted = services.BuildServiceProvider();
        var after = await restarted.GetRequiredService<INoticeNumberSource>().NextAsync(TestTenants.AId, "01", Ct);

        Assert.Equal(before.Iuv.Sequence + 1, after.Iuv.Sequence);
    }

    [Fact]
    public async Task The_last_13_digit_sequence_is_handed_out_and_then_the_counter_refuses()
    {
        await Db.ExecuteSqlAsync($"""INSERT INTO "Sequences" ("Tenant", "Name", "Value") VALUES ('comune-a', '{NoticeNumberSource.SequenceName("01")}', {Iuv.MaxSequence - 1})""");

        Assert.Equal(Iuv.MaxSequence, (await Numbers.NextAsync(TestTenants.AId, "01", Ct)).Iuv.Sequence);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Numbers.NextAsync(TestTenants.AId, "01", Ct).AsTask());
        Assert.Equal(Iuv.MaxSequence, Convert.ToInt64(await Db.ScalarAsync("""SELECT "Value" FROM "Sequences" WHERE "Name" = 'iuv:01'""")));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("001")]
    [InlineData("a1")]
    public async Task A_segregation_code_that_is_not_two_digits_is_refused(string segregationCode) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Numbers.NextAsync(TestTenants.AId, segregationCode, Ct).AsTask());
}
