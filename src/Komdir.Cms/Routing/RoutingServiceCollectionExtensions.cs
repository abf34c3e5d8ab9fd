using Komdir.Cms.Published;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Cms.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Redirects: the editor's service and the recorder that turns renames and moves into redirects and keeps the
    /// in-memory table current. Registering is all it takes: nothing needs starting.
    /// </summary>
    public static IServiceCollection AddCmsRedirects(this IServiceCollection services)
    {
        services.AddSingleton<RedirectService>();
        services.AddPublishedChangeObserver<RedirectRecorder>(PublishedChangeStage.Redirects);
        return services;
    }
}
