using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;

namespace Komdir.Web.Backoffice;

/// <summary>
/// Keeps interactive rendering to the backoffice. With the interactive server render mode configured, ASP.NET Core
/// appends persisted component state to every page it renders (an encrypted "Blazor-Server-Component-State" comment)
/// and issues an antiforgery cookie for it, even on pages with no interactive component. Public pages need neither:
/// they would differ on every request and set a cookie, which defeats caching and is data no reader needs.
/// So every page endpoint outside /backoffice is told that no interactive render mode is configured for it.
/// </summary>
public static class InteractiveRenderingConvention
{
    public static RazorComponentsEndpointConventionBuilder InteractiveOnlyInBackoffice(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && IsBackoffice(route))
            {
                return;
            }

            // The framework's metadata type is internal; it is replaced by one configured with no render modes.
            for (var i = 0; i < endpoint.Metadata.Count; i++)
            {
                var metadata = endpoint.Metadata[i];
                if (metadata?.GetType().FullName == "Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata")
                {
                    endpoint.Metadata[i] = Activator.CreateInstance(metadata.GetType(), [Array.Empty<IComponentRenderMode>()])!;
                }
            }
        });
        return builder;
    }

    private static bool IsBackoffice(string route) =>
        route.TrimStart('/').Equals("backoffice", StringComparison.OrdinalIgnoreCase)
        || route.TrimStart('/').StartsWith("backoffice/", StringComparison.OrdinalIgnoreCase);
}
