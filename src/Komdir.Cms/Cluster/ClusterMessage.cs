using System.Text.Json;
using Komdir.Cms.Content;

namespace Komdir.Cms.Cluster;

/// <summary>
/// A committed content change as sent between nodes over PostgreSQL's NOTIFY. The sender's node id lets a node
/// ignore its own messages.
/// </summary>
public sealed record ClusterMessage(string NodeId, ContentChangeKind Kind, IReadOnlyList<Guid> Keys, bool AffectsPublished)
{
    public const string Channel = "komdir_content";

    /// <summary>NOTIFY payloads must stay under 8000 bytes; a change to more nodes than this is sent without its keys.</summary>
    public const int MaxKeys = 150;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ClusterMessage From(string nodeId, ContentChange change) =>
        new(nodeId, change.Kind, change.Keys.Count <= MaxKeys ? change.Keys : [], change.AffectsPublished);

    public ContentChange ToRemoteChange() => new(Kind, Keys, AffectsPublished) { IsRemote = true };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ClusterMessage? TryParse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ClusterMessage>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
