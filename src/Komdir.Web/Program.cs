using Komdir.Cms.Media;
using Komdir.Web.Features.Discovery;
using Komdir.Web.Backoffice;
using Komdir.Web.Infrastructure;
using Komdir.Web.Infrastructure.OutputCaching;
using Komdir.Web.PublicSite;

var builder = WebApplication.CreateBuilder(args);

builder.UseKomdirRequestScheduling();
builder.AddKomdirLogging();
builder.Services.AddKomdirCms(builder.Configuration, builder.Environment);
builder.AddKomdirTelemetry();
builder.Services.AddKomdirSecurity();
builder.Services.AddKomdirHttpHygiene();
builder.Services.AddKomdirHealthChecks();
builder.Services.AddKomdirSearch();
builder.Services.AddKomdirPublicSite();
builder.Services.AddKomdirDiscovery(builder.Configuration);
builder.Services.AddKomdirBackoffice();
builder.Services.AddKomdirScaleOut(builder.Configuration);
builder.Services.AddKomdirOutputCaching(builder.Configuration);

var app = builder.Build();

// "users …" and "content …" commands run and exit instead of serving.
if (await app.RunCommandLineAsync(args))
{
    return;
}

await app.InitializeCmsAsync();

app.UseKomdirForwardedHeaders();
app.UseKomdirHttpHygiene();
app.UseKomdirPublicPageCache();
app.UseKomdirErrorHandling();
app.UseKomdirRequestLogging();
app.UseKomdirSecurityHeaders();
app.UseKomdirLocalization();
app.UseRouting();
app.UseKomdirBackoffice();
app.UseAntiforgery();
app.UseKomdirRedirects();
app.UseKomdirOutputCaching();

app.MapKomdirHealthChecks();
app.MapCmsMedia();
app.MapKomdirDiscovery();
app.MapKomdirPublicSite();
app.MapKomdirBackoffice();

app.Run();

/// <summary>Entry point, public so integration tests can host the site with WebApplicationFactory.</summary>
public partial class Program;
