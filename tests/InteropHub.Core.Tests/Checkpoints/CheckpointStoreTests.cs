using InteropHub.Contracts.Stores;

namespace InteropHub.Core.Tests.Checkpoints;

public class CheckpointStoreTests : HubDatabaseTest
{
    private const string Scope = "pagopa:receipts:comune-a";

    private ICheckpointStore Store => Db.Get<ICheckpointStore>();

    [Fact]
    public async Task There_is_no_checkpoint_before_the_first_save()
    {
        Assert.Null(await Store.GetAsync(Scope, Ct));
    }

    [Fact]
    public async Task The_first_save_is_version_1_and_every_save_moves_the_version_by_one()
    {
        var first = await Store.SaveAsync(Scope, "2026-03-01", null, Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await Store.SaveAsync(Scope, "2026-03-02", null, Ct);

        Assert.Equal(new Checkpoint(Scope, "2026-03-01", 1, HubTestDatabase.Start), first);
        Assert.Equal(new Checkpoint(Scope, "2026-03-02", 2, HubTestDatabase.Start.AddMinutes(5)), second);
        Assert.Equal(second, await Store.GetAsync(Scope, Ct));
    }

    [Fact]
    public async Task A_save_expecting_the_current_version_succeeds()
    {
        var first = await Store.SaveAsync(Scope, "a", null, Ct);

        var second = await Store.SaveAsync(Scope, "b", first.Version, Ct);

        Assert.Equal(2, second.Version);
        Assert.Equal(second, await Store.GetAsync(Scope, Ct));
    }

    [Fact]
    public async Task A_save_expecting_a_stale_version_conflicts_and_changes_nothing()
    {
        await Store.SaveAsync(Scope, "a", null, Ct);
        await Store.SaveAsync(Scope, "b", 1, Ct);

        var conflict = await Assert.ThrowsAsync<CheckpointConflictException>(() => Store.SaveAsync(Scope, "c", 1, Ct));

        Assert.Equal(Scope, conflict.Scope);
        Assert.Equal(("b", 2L), await Store.GetAsync(Scope, Ct) is { } c ? (c.Value, c.Version) : default);
    }

    [Fact]
    public async Task A_save_expecting_version_0_creates_only_when_absent()
    {
        var created = await Store.SaveAsync(Scope, "a", 0, Ct);

        await Assert.ThrowsAsync<CheckpointConflictException>(() => Store.SaveAsync(Scope, "b", 0, Ct));
        Assert.Equal(1, created.Version);
        Assert.Equal("a", (await Store.GetAsync(Scope, Ct))?.Value);
    }

    [Fact]
    public async Task A_save_expecting_a_version_of_a_missing_checkpoint_conflicts()
    {
        await Assert.ThrowsAsync<CheckpointConflictException>(() => Store.SaveAsync(Scope, "a", 3, Ct));
    }
}
