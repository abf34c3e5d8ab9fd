namespace Komdir.Web.Infrastructure;

public static class SecurityExtensions
{
    /// <summary>
    /// Everything is served from this host: no script, style, font or image from anywhere else, no inline script,
    /// no framing. Blazor's interactive backoffice needs only 'self' (its WebSocket is same-origin).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddKomdirSecurity(this IServiceCollection services)
    {
        // No "Server: Kestrel": nothing to gain for readers, one more hint for anyone probing.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "komdir.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static WebApplication UseKomdirSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            ApplySecurityHeaders(context.Response.Headers);
            // What a signed-in user sees (drafts' "Rediger" links, the backoffice) is theirs alone: no shared or
            // browser cache keeps it. Decided when the answer starts, after sign-in has been read.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    http.Response.Headers.CacheControl = "private, no-store";
                }

                return Task.CompletedTask;
            }, context);
            await next();
        });
        return app;
    }

    public static void ApplySecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    /// <summary>Readers never see a stack trace: errors go to a Danish error page and the log.</summary>
    public static WebApplication UseKomdirErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fejl", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/fejl/{0}", createScopeForStatusCodePages: true);
        return app;
    }

    public static WebApplication UseKomdirLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture("da-DK");
            options.AddSupportedCultures("da-DK");
            options.AddSupportedUICultures("da-DK");
            // The site is Danish for everyone; the browser's language does not change dates or numbers.
            options.RequestCultureProviders.Clear();
        });
        return app;
    }
}
