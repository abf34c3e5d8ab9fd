using Komdir.Cms.Authorization;

namespace Komdir.Cms.Content;

/// <summary>A problem that stops an operation, in Danish, optionally tied to one property (or "name"/"urlSegment").</summary>
public sealed record ContentError(string? Field, string Message);

/// <summary>Someone else saved the node after the version the editor started from.</summary>
public sealed record ContentConflict(int LatestVersionNumber, string LatestAuthor, DateTimeOffset LatestSavedUtc, string LatestName, IReadOnlyDictionary<string, object?> LatestValues)
{
    public string LatestUrlSegment { get; init; } = "";

    /// <summary>The fields both changed differently (empty when the version the editor started from is gone).</summary>
    public IReadOnlyList<FieldConflict> Fields { get; init; } = [];

    /// <summary>
    /// Everything merged, the editor's value where both changed a field: saving this based on
    /// <see cref="LatestVersionNumber"/> keeps the other person's changes in every other field.
    /// </summary>
    public MergeOutcome? Merged { get; init; }
}

/// <summary>The outcome of a content operation. Nothing is written unless it succeeded.</summary>
public sealed record ContentResult
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null && Authorization == AuthorizationStatus.Allowed;

    /// <summary>Not <see cref="AuthorizationStatus.Allowed"/> when the actor may not (any longer) do this; the site says why in its words.</summary>
    public AuthorizationStatus Authorization { get; init; }

    /// <summary>The operation that was refused, when <see cref="Authorization"/> says so.</summary>
    public CmsOperation? RefusedOperation { get; init; }

    public IReadOnlyList<ContentError> Errors { get; init; } = [];

    public ContentConflict? Conflict { get; init; }

    public Guid? Key { get; init; }

    public int? VersionNumber { get; init; }

    /// <summary>After a save from an older version: the fields taken from someone else's newer version (merged in).</summary>
    public IReadOnlyList<string> MergedFromOthers { get; init; } = [];

    public static ContentResult Ok(Guid key, int? versionNumber = null) => new() { Key = key, VersionNumber = versionNumber };

    public static ContentResult Fail(string message, string? field = null) => new() { Errors = [new ContentError(field, message)] };

    public static ContentResult Fail(IReadOnlyList<ContentError> errors) => new() { Errors = errors };

    public static ContentResult Refused(AuthorizationStatus status, CmsOperation operation) => new() { Authorization = status, RefusedOperation = operation };

    public static ContentResult NotFound() => Fail("Siden findes ikke (længere).");
}
