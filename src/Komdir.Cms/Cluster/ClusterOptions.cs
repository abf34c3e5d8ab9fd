namespace Komdir.Cms.Cluster;

/// <summary>Several nodes on one PostgreSQL database, bound from the "Cluster" configuration section.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>Tell other nodes about changes and listen for theirs. Only takes effect on PostgreSQL.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often a node compares the database's change watermark with the last one it saw, so a node that missed
    /// a message (a dropped connection) is never stale for longer than this.
    /// </summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between reconnect attempts after the listening connection fails.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>This process's identity in the cluster; random per start, so a restarted node is a new sender.</summary>
public sealed class ClusterNode
{
    public string Id { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
}
