using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Cms.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>Redirects: the editor's service and the recorder that turns renames and moves into redirects.</summary>
    public static IServiceCollection AddCmsRedirects(this IServiceCollection services)
    {
        services.AddSingleton<RedirectService>();
        services.AddSingleton<RedirectRecorder>();
        return services;
    }
}
