namespace Komdir.Web.Backoffice.Content;

public static class ContentEditingExtensions
{
    /// <summary>The services behind the content tree and editor screens.</summary>
    public static IServiceCollection AddKomdirContentEditing(this IServiceCollection services) =>
        services.AddSingleton<ContentEditorQueries>();
}
