using System.Text.Json;
using System.Text.Json.Serialization;
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

    // Kinds by name, not number: nodes of two versions side by side during an upgrade still agree.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ClusterMessage From(string nodeId, ContentChange change) =>
        new(nodeId, change.Kind, change.Keys.Count <= MaxKeys ? change.Keys : [], change.AffectsPublished);

    public ContentChange ToRemoteChange() => new(Kind, Keys, AffectsPublished) { IsRemote = true };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ClusterMessage? TryParse(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<ClusterMessage>(payload, Json);
            return message is { NodeId: not null, Keys: not null } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
