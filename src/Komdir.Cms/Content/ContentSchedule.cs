namespace Komdir.Cms.Content;

/// <summary>A publish or unpublish due at a given time; carried out once by the scheduler.</summary>
public sealed class ContentSchedule
{
    public int Id { get; set; }

    public int NodeId { get; set; }

    public ScheduledAction Action { get; set; }

    public DateTimeOffset DueUtc { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? CompletedUtc { get; set; }

    /// <summary>Why a due action could not be carried out, if it could not.</summary>
    public string? FailureReason { get; set; }
}

public enum ScheduledAction
{
    Publish = 0,
    Unpublish = 1,
}
