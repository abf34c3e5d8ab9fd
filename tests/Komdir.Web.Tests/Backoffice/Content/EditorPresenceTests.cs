using Komdir.Cms.Content;
using Komdir.Web.Backoffice.Content;

namespace Komdir.Web.Tests.Backoffice.Content;

/// <summary>Who has a node's editor open, and news of saves, for every open editor.</summary>
public sealed class EditorPresenceTests
{
    private readonly EditorPresence presence = new(TimeProvider.System);
    private readonly Guid page = Guid.NewGuid();

    [Fact]
    public void Viewers_join_and_leave_per_node_and_each_change_is_announced()
    {
        var announced = new List<Guid>();
        presence.PresenceChanged += announced.Add;

        presence.Join(page, "s1", "a@example.org");
        presence.Join(page, "s2", "b@example.org");
        presence.Join(Guid.NewGuid(), "s3", "c@example.org");
        Assert.Equal(["a@example.org", "b@example.org"], presence.ViewersOf(page).Select(v => v.Name));

        presence.Leave(page, "s1");
        presence.Leave(page, "s1");
        Assert.Equal(["b@example.org"], presence.ViewersOf(page).Select(v => v.Name));
        Assert.Equal(4, announced.Count);
    }

    [Fact]
    public async Task A_committed_change_reaches_every_editor_even_when_one_of_them_is_gone()
    {
        var heard = new List<Guid>();
        presence.ContentChanged += _ => throw new ObjectDisposedException("circuit");
        presence.ContentChanged += heard.Add;

        var snapshot = Komdir.Cms.Published.PublishedSnapshot.Empty;
        await presence.OnPublishedAsync(new Komdir.Cms.Published.PublishedChange(snapshot, snapshot, new ContentChange(ContentChangeKind.Saved, [page], AffectsPublished: false)), CancellationToken.None);

        Assert.Equal([page], heard);
    }
}
