namespace Komdir.Cms.WorkingCopies;

/// <summary>
/// One user's unsaved edits of one node, kept on the server while they type (not a version: nobody else sees it,
/// history does not grow). Values are the editor's inputs as typed, so a number or date that does not parse yet
/// is kept too.
/// </summary>
public sealed class WorkingCopy
{
    public int Id { get; set; }

    public Guid NodeKey { get; set; }

    /// <summary>Who is typing: the backoffice user's name, as elsewhere in the engine ("actor").</summary>
    public string Owner { get; set; } = "";

    /// <summary>The version the edits started from; a later version means someone saved meanwhile.</summary>
    public int BasedOnVersion { get; set; }

    public string Name { get; set; } = "";

    public string UrlSegment { get; set; } = "";

    /// <summary>Property alias → input text, as JSON.</summary>
    public string InputsJson { get; set; } = "{}";

    public DateTimeOffset UpdatedUtc { get; set; }
}
