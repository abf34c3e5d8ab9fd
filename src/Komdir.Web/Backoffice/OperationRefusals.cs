using Komdir.Cms.Authorization;
using Komdir.Cms.Content;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Users;

namespace Komdir.Web.Backoffice;

/// <summary>The engine's refusals of a write (a status) in the words the backoffice shows at the action.</summary>
public static class OperationRefusals
{
    /// <summary>Why nothing was stored, in Danish, or null when the operation was allowed.</summary>
    public static string? Describe(AuthorizationStatus status, CmsOperation? operation) => status switch
    {
        AuthorizationStatus.Allowed => null,
        AuthorizationStatus.UnknownUser => "Din bruger findes ikke længere, så handlingen er ikke udført. Log ind igen, eller kontakt en administrator.",
        AuthorizationStatus.LockedOut => "Din bruger er låst, så handlingen er ikke udført. Kontakt en administrator.",
        _ => $"Din rolle giver ikke ret til at {Verb(operation)}, så handlingen er ikke udført. Det kræver {RequiredRoles(operation)}.",
    };

    /// <summary>The result's messages: its own errors, or why it was refused.</summary>
    public static IReadOnlyList<string> Messages(this ContentResult result) =>
        Describe(result.Authorization, result.RefusedOperation) is { } refusal ? [refusal] : result.Errors.Select(e => e.Message).ToList();

    private static string Verb(CmsOperation? operation) => operation switch
    {
        CmsOperation.Create => "oprette sider",
        CmsOperation.Save => "gemme",
        CmsOperation.Copy => "kopiere sider",
        CmsOperation.Rollback => "gendanne versioner",
        CmsOperation.Publish => "udgive",
        CmsOperation.Unpublish => "afpublicere",
        CmsOperation.Schedule => "planlægge udgivelser",
        CmsOperation.Move => "flytte sider",
        CmsOperation.Sort => "ændre rækkefølgen",
        CmsOperation.Trash => "lægge sider i papirkurven",
        CmsOperation.Restore => "gendanne sider fra papirkurven",
        CmsOperation.Delete => "slette sider permanent",
        CmsOperation.MediaUpload => "uploade filer",
        CmsOperation.MediaRename => "omdøbe filer",
        CmsOperation.MediaReplace => "erstatte filer",
        CmsOperation.MediaReplacePublished => "erstatte en fil, som en udgivet side bruger",
        CmsOperation.MediaDelete => "slette filer",
        CmsOperation.Redirects => "ændre omdirigeringer",
        CmsOperation.ManageUsers => "administrere brugere",
        _ => "gøre dette",
    };

    /// <summary>"rollen Redaktør eller Administrator", from the engine's table, so the message cannot drift from the rule.</summary>
    private static string RequiredRoles(CmsOperation? operation)
    {
        var roles = operation is { } known ? CmsPermissions.RolesFor(known).Reverse().Select(RoleLabels.For).ToList() : [];
        return roles.Count <= 1 ? $"rollen {roles.SingleOrDefault() ?? RoleLabels.For(BackofficeRoles.Administrator)}" : $"rollen {string.Join(", ", roles[..^1])} eller {roles[^1]}";
    }
}
