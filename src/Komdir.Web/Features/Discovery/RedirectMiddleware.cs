using Komdir.Cms.Published;
using Komdir.Cms.Routing;

namespace Komdir.Web.Features.Discovery;

/// <summary>
/// Answers an old address with 301 and the page's current URL. Only GET and HEAD requests for paths that are no
/// published page are looked up, so live pages, the backoffice and posted forms are never redirected.
/// </summary>
public sealed class RedirectMiddleware(RequestDelegate next, PublishedContentCache cache, RedirectService redirects)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.HasValue
            && request.Path.Value != "/"
            && !ReservedPaths.IsReserved(request.Path.Value)
            && cache.Current.GetByRoute(request.Path.Value) is null
            && redirects.Resolve(request.Path.Value) is { } target)
        {
            // Keep the reader's query (e.g. a filter) unless the target names its own.
            var location = target.Contains('?') ? target : target + request.QueryString.Value;
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
