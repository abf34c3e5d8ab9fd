using Komdir.Cms;
using Komdir.Cms.Import;

namespace Komdir.Web.Infrastructure;

/// <summary>
/// Operations commands run through the site's own configuration and database, then exit:
/// <c>dotnet run --project src/Komdir.Web -- content import</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>Registers the engine's own commands.</summary>
    public static IServiceCollection AddKomdirCommands(this IServiceCollection services) =>
        services
            .AddSingleton(new CommandRegistration("content import", ImportContentAsync))
            .AddSingleton(new CommandRegistration("content seed", SeedContentAsync))
            .AddSingleton(new CommandRegistration("health probe", ProbeHealthAsync));

    /// <summary>Runs the command named by the first two arguments, if any; returns false when the site should start instead.</summary>
    public static async Task<bool> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[0].StartsWith('-'))
        {
            return false;
        }

        var name = $"{args[0]} {args[1]}";
        var commands = app.Services.GetServices<CommandRegistration>().ToList();
        var command = commands.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            if (commands.Any(c => c.Name.StartsWith(args[0] + " ", StringComparison.Ordinal)))
            {
                await Console.Error.WriteLineAsync($"Unknown command '{name}'. Known: {string.Join(", ", commands.Select(c => c.Name))}.");
                Environment.ExitCode = 2;
                return true;
            }

            return false;
        }

        Environment.ExitCode = await command.RunAsync(app, args[2..]);
        return true;
    }

    private static async Task<int> ImportContentAsync(WebApplication app, string[] args)
    {
        var initializer = app.Services.GetRequiredService<CmsInitializer>();
        await initializer.InitializeAsync();
        var report = await app.Services.GetRequiredService<ContentImporter>().ImportAsync(initializer.ContentFolder);
        Console.WriteLine($"Created {report.Created}, updated {report.Updated}, unchanged {report.Unchanged}, skipped {report.Skipped.Count}.");
        foreach (var line in report.Skipped.Concat(report.Errors))
        {
            Console.WriteLine(line);
        }

        return report.Succeeded ? 0 : 1;
    }

    /// <summary>
    /// The first run of a new installation: creates the database (file or schema) and imports the content folder
    /// into it, in any environment. A database that has held content is left as it is (ADR 0008).
    /// </summary>
    private static async Task<int> SeedContentAsync(WebApplication app, string[] args)
    {
        var initializer = app.Services.GetRequiredService<CmsInitializer>();
        await initializer.InitializeAsync(firstRun: true);
        var cache = app.Services.GetRequiredService<Komdir.Cms.Published.PublishedContentCache>();
        if (cache.Current.SiteRoot is null)
        {
            await Console.Error.WriteLineAsync("The database has no published site root after seeding: it has held content before and was not seeded again (see the log), or the content folder has no site root.");
            return 1;
        }

        Console.WriteLine($"The database is ready: {app.Services.GetRequiredService<DataLocations>().DatabaseDescription}.");
        return 0;
    }

    /// <summary>
    /// A container's health check (the runtime image has no curl): GET the readiness endpoint of the site running
    /// in this container, exit 0 on 200 and 1 otherwise. <c>--url</c> names another address.
    /// </summary>
    private static async Task<int> ProbeHealthAsync(WebApplication app, string[] args)
    {
        var url = "http://127.0.0.1:8080/healthz/ready";
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--url")
            {
                url = args[i + 1];
            }
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{url}: {exception.Message}");
            return 1;
        }
    }
}

/// <summary>A command another area of the site contributes (e.g. the backoffice's "users create").</summary>
/// <param name="Name">The first two words, e.g. "users create".</param>
/// <param name="RunAsync">Runs with the remaining arguments; returns the process exit code.</param>
public sealed record CommandRegistration(string Name, Func<WebApplication, string[], Task<int>> RunAsync);
