using Komdir.Cms.Tests.Infrastructure;
using Komdir.Cms.WorkingCopies;

namespace Komdir.Cms.Tests.WorkingCopies;

/// <summary>Unsaved edits kept per user and node on the server: overwritten on each autosave, never a version.</summary>
public sealed class WorkingCopyServiceTests : IAsyncLifetime
{
    private CmsTestHost host = null!;

    public async Task InitializeAsync() => host = await CmsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private WorkingCopyService Copies => host.Get<WorkingCopyService>();

    [Fact]
    public async Task A_working_copy_is_kept_per_user_overwritten_and_survives_a_new_host_on_the_same_database()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Start");
        var body = new string('æ', 100_000) + " slut";

        Assert.Equal(WorkingCopySaveStatus.Saved, await Copies.SaveAsync(root, "a@test", 1, "Forside", "forside", new Dictionary<string, string> { ["body"] = "første" }));
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(WorkingCopySaveStatus.Saved, await Copies.SaveAsync(root, "a@test", 1, "Forside", "forside", new Dictionary<string, string> { ["body"] = body, ["year"] = "20x6" }));
        Assert.Equal(WorkingCopySaveStatus.Saved, await Copies.SaveAsync(root, "b@test", 1, "Forside", "forside", new Dictionary<string, string> { ["body"] = "b's" }));

        // A restart: another host over the same database file reads it back in full, input text as typed.
        await using var restarted = await host.StartSecondNodeAsync();
        var copy = await restarted.Get<WorkingCopyService>().GetAsync(root, "a@test");
        Assert.NotNull(copy);
        Assert.Equal(body, copy.Inputs["body"]);
        Assert.Equal("20x6", copy.Inputs["year"]);
        Assert.Equal(1, copy.BasedOnVersion);
        Assert.Equal(host.Clock.GetUtcNow(), copy.UpdatedUtc);
        Assert.Equal("b's", (await Copies.GetAsync(root, "b@test"))!.Inputs["body"]);
        Assert.Single(await host.VersionsAsync(root));

        Assert.True(await Copies.DiscardAsync(root, "a@test"));
        Assert.Null(await Copies.GetAsync(root, "a@test"));
        Assert.NotNull(await Copies.GetAsync(root, "b@test"));
        Assert.False(await Copies.DiscardAsync(root, "a@test"));
    }

    [Fact]
    public async Task A_working_copy_for_a_missing_node_or_beyond_the_size_limit_is_refused()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Start");

        Assert.Equal(WorkingCopySaveStatus.NodeNotFound, await Copies.SaveAsync(Guid.NewGuid(), "a@test", 1, "X", "x", new Dictionary<string, string>()));
        Assert.Equal(WorkingCopySaveStatus.TooLarge, await Copies.SaveAsync(root, "a@test", 1, "X", "x", new Dictionary<string, string> { ["body"] = new string('x', WorkingCopyService.MaxTotalCharacters + 1) }));
        Assert.Null(await Copies.GetAsync(root, "a@test"));
    }
}
