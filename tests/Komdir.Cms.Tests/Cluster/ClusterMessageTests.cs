using System.Text;
using Komdir.Cms.Cluster;
using Komdir.Cms.Content;

namespace Komdir.Cms.Tests.Cluster;

public sealed class ClusterMessageTests
{
    [Fact]
    public void A_change_survives_the_trip_and_arrives_marked_remote()
    {
        var keys = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var sent = ClusterMessage.From("node-a", new ContentChange(ContentChangeKind.Moved, keys, AffectsPublished: true));

        var received = ClusterMessage.TryParse(sent.Serialize());

        Assert.NotNull(received);
        Assert.Equal("node-a", received.NodeId);
        var change = received.ToRemoteChange();
        Assert.Equal(ContentChangeKind.Moved, change.Kind);
        Assert.Equal(keys, change.Keys);
        Assert.True(change.AffectsPublished);
        Assert.True(change.IsRemote);
        Assert.Contains("\"Moved\"", sent.Serialize());
    }

    [Fact]
    public void A_change_to_very_many_nodes_is_sent_without_keys_and_stays_under_the_notify_limit()
    {
        var keys = Enumerable.Range(0, 5000).Select(_ => Guid.NewGuid()).ToList();
        var sent = ClusterMessage.From("node-a", new ContentChange(ContentChangeKind.Imported, keys, AffectsPublished: true));
        Assert.Empty(sent.Keys);

        var atLimit = ClusterMessage.From("node-a", new ContentChange(ContentChangeKind.Imported, keys.Take(ClusterMessage.MaxKeys).ToList(), true));
        Assert.True(Encoding.UTF8.GetByteCount(atLimit.Serialize()) < 8000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"kind\":\"NoSuchKind\"}")]
    [InlineData("{\"kind\":\"Published\"}")]
    public void A_payload_that_is_not_a_message_is_ignored(string payload) =>
        Assert.Null(ClusterMessage.TryParse(payload));
}
