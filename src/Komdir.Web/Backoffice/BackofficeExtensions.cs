using Komdir.Cms.Published;
using Komdir.Cms.Persistence;
using Komdir.Cms.Users;
using Komdir.Cms.Content;
using Komdir.Web.Backoffice.Audit;
using Komdir.Web.Backoffice.Content;
using Komdir.Web.Backoffice.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Komdir.Web.Backoffice;

public static class BackofficeExtensions
{
    /// <summary>Sign-in cookie's name; also how tests and the public pages' "Rediger" link recognise a backoffice session.</summary>
    public const string CookieName = "komdir.backoffice";

    public const string LoginPath = "/backoffice/login";

    public const string LogoutPath = "/backoffice/logout";

    /// <summary>Identity on the site's database, the backoffice sign-in cookie, role policies and the users commands.</summary>
    public static IServiceCollection AddKomdirBackoffice(this IServiceCollection services)
    {
        services.AddIdentityCore<BackofficeUser>(options =>
            {
                // NIST SP 800-63B: length over composition rules. Identity's own checks beyond length are switched off.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                // Five wrong passwords lock the account for 15 minutes; the sixth attempt meets a locked account.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DanishIdentityErrorDescriber>()
            .AddPasswordValidator<BackofficePasswordValidator>();

        // Backoffice requests check the security stamp every time (BackofficeSecurityStampValidator); elsewhere a locked,
        // deleted or re-roled user's cookie stops working within a minute, not after Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<ISecurityStampValidator, BackofficeSecurityStampValidator>();

        // The sign-in cookie is protected with keys kept in the site's database (AddKomdirScaleOut), so sessions
        // survive a restart and are valid on every node.

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnRedirectToLogin = context =>
            {
                // The cookie handler builds "scheme://Host/…" from the request's Host header; the sign-in page is on
                // this site, so only its path and query are sent and a forged Host never reaches the Location.
                var location = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute)
                    ? absolute.PathAndQuery
                    : context.RedirectUri;
                context.Response.Redirect(location);
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user without the role gets a plain 403, shown as the Danish "no access" page.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder().AddBackofficePolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, BackofficeAuthenticationStateProvider>();

        services.AddSingleton<BackofficeAudit>();
        services.AddSingleton<AuditLogQuery>();
        services.AddSingleton<BackofficeUserService>();
        services.AddSingleton<Komdir.Cms.Authorization.IOperationAuthorizer, IdentityOperationAuthorizer>();
        services.AddScoped<BackofficeSignIn>();
        services.AddBackofficeUserCommands();

        // The editors hear of every committed change, here or on another node, once every cache is current.
        services.AddPublishedChangeObserver<EditorPresence>(PublishedChangeStage.Notifications);
        return services;
    }

    /// <summary>Authentication and authorisation; before antiforgery, whose tokens are bound to the signed-in user.</summary>
    public static WebApplication UseKomdirBackoffice(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The sign-out endpoint; the backoffice's pages are Razor components found by the router.</summary>
    public static WebApplication MapKomdirBackoffice(this WebApplication app)
    {
        app.MapPost(LogoutPath, async (HttpContext context, IAntiforgery antiforgery, BackofficeSignIn signIn) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                await signIn.SignOutAsync(context.User);
                return Results.LocalRedirect(LoginPath + "?loggedOut=1");
            })
            // The endpoint binds no form, so the antiforgery middleware would not refuse it: validated above.
            .RequireAuthorization(BackofficePolicies.Access);
        return app;
    }

    /// <summary>A return address after sign-in: only a local path, else the dashboard.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Contains('\\') && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? returnUrl
            : "/backoffice";
}
