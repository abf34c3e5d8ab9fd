namespace Komdir.Cms.Media;

/// <summary>An uploaded file. The bytes live in the database so that every node of a cluster serves the same file.</summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    public required string Name { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Hex SHA-256 of the bytes; doubles as the HTTP ETag.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Bytes { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public required string UpdatedBy { get; set; }
}
