namespace Komdir.Cms.Routing;

/// <summary>An old path that answers with a permanent redirect: to a node (wherever it now lives) or to a fixed path.</summary>
public sealed class Redirect
{
    public int Id { get; set; }

    /// <summary>Lower-case path without trailing slash, e.g. "/strategi/2019-2021".</summary>
    public required string FromPath { get; set; }

    public Guid? NodeKey { get; set; }

    public string? ToPath { get; set; }

    /// <summary>True when the engine made it after a rename or move; false when an editor added it.</summary>
    public bool IsAutomatic { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
