using Komdir.Cms;
using Komdir.Web.Features;

namespace Komdir.Web.Infrastructure;

public static class CmsHostingExtensions
{
    /// <summary>The CMS engine with KOMDIR's document types.</summary>
    public static IServiceCollection AddKomdirCms(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddCms(configuration, environment).AddKomdirContentModel().AddKomdirCommands();

    /// <summary>Migrates the database, imports content into an empty one and fills the published cache.</summary>
    public static Task InitializeCmsAsync(this WebApplication app) =>
        app.Services.GetRequiredService<CmsInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
