namespace Komdir.Web.Infrastructure;

/// <summary>Small protocol rules every request meets before the site looks at it (issue 11, part 5).</summary>
public static class HttpHygieneExtensions
{
    /// <summary>HSTS for a year including subdomains; only ever sent on HTTPS responses (ASP.NET Core's rule).</summary>
    public static IServiceCollection AddKomdirHttpHygiene(this IServiceCollection services)
    {
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>
    /// A request without a usable Host is answered 400 here, with the security headers, before anything (the page
    /// cache, link building) could trip over it; HEAD is then served as GET everywhere GET works.
    /// Place right after the forwarded headers, which may set the host.
    /// </summary>
    public static WebApplication UseKomdirHttpHygiene(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (string.IsNullOrWhiteSpace(context.Request.Host.Host))
            {
                SecurityExtensions.ApplySecurityHeaders(context.Response.Headers);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Ugyldig forespørgsel: Host mangler.", context.RequestAborted);
                return;
            }

            // Link checkers and proxies ask with HEAD; endpoints map GET. The request goes on as GET with a body that
            // is thrown away, so the answer is GET's status and headers (Content-Length included) and no body.
            // A page captured for the cache on the way is the real GET page: the capture buffers it before this sink.
            if (HttpMethods.IsHead(context.Request.Method))
            {
                var originalBody = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!;
                context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(
                    new Microsoft.AspNetCore.Http.StreamResponseBodyFeature(Stream.Null, originalBody));
                context.Request.Method = HttpMethods.Get;
                try
                {
                    await next();
                }
                finally
                {
                    context.Request.Method = HttpMethods.Head;
                    context.Features.Set(originalBody);
                }

                return;
            }

            await next();
        });
        return app;
    }
}
