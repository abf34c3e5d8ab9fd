using Microsoft.AspNetCore.Identity;

namespace Komdir.Cms.Users;

/// <summary>A secretariat member who signs in to the backoffice.</summary>
public sealed class BackofficeUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

/// <summary>The backoffice roles, from most to least privileged.</summary>
public static class BackofficeRoles
{
    /// <summary>Everything, including managing users.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Edit and publish content.</summary>
    public const string Editor = "Editor";

    /// <summary>Edit and save drafts; cannot publish.</summary>
    public const string Writer = "Writer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Editor, Writer];
}
