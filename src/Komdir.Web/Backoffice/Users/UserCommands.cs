using Komdir.Cms.Persistence;
using Komdir.Cms.Users;
using Komdir.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Web.Backoffice.Users;

/// <summary>
/// <c>users create|list|lock|unlock</c> on the server's command line: how the first administrator is made
/// (the site ships no user and no password). The password is never printed.
/// </summary>
public static class UserCommands
{
    public static IServiceCollection AddBackofficeUserCommands(this IServiceCollection services) => services
        .AddSingleton(new CommandRegistration("users create", (app, args) => CreateAsync(app.Services, args, Console.In, Console.Out, Console.Error)))
        .AddSingleton(new CommandRegistration("users list", (app, args) => ListAsync(app.Services, args, Console.Out, Console.Error)))
        .AddSingleton(new CommandRegistration("users lock", (app, args) => LockAsync(app.Services, args, lockUser: true, Console.Out, Console.Error)))
        .AddSingleton(new CommandRegistration("users unlock", (app, args) => LockAsync(app.Services, args, lockUser: false, Console.Out, Console.Error)));

    /// <summary>
    /// <c>users create --email E --role R [--name N] [--password P]</c>; without --password the password is read
    /// from the first line of standard input (so it stays out of the shell history).
    /// </summary>
    public static async Task<int> CreateAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var options = Parse(args);
        if (options is null || !options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role))
        {
            await error.WriteLineAsync($"Usage: users create --email E --role {string.Join("|", BackofficeRoles.All)} [--name \"Display name\"] [--password P | password on standard input]");
            return 1;
        }

        var password = options.GetValueOrDefault("password") ?? (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password: give --password or one line on standard input.");
            return 1;
        }

        var canonicalRole = BackofficeRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) ?? role;
        await MigrateAsync(services);
        var result = await services.GetRequiredService<BackofficeUserService>()
            .CreateAsync(UserChangeActor.CommandLine, email, options.GetValueOrDefault("name"), canonicalRole, password);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"The user was not created: {string.Join(" ", result.Errors)}");
            return 1;
        }

        await output.WriteLineAsync($"Created {email.Trim()} as {canonicalRole}.");
        return 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await MigrateAsync(services);
        var users = await services.GetRequiredService<BackofficeUserService>().ListAsync();
        if (users.Count == 0)
        {
            await output.WriteLineAsync("No users. Create the first administrator with: users create --email E --role Administrator");
            return 0;
        }

        foreach (var user in users)
        {
            await output.WriteLineAsync($"{user.Email}\t{user.Role ?? "(no role)"}\t{(user.IsLockedOut ? "locked" : "active")}\t{user.DisplayName}");
        }

        return 0;
    }

    public static async Task<int> LockAsync(IServiceProvider services, string[] args, bool lockUser, TextWriter output, TextWriter error)
    {
        var options = Parse(args);
        if (options is null || !options.TryGetValue("email", out var email))
        {
            await error.WriteLineAsync($"Usage: users {(lockUser ? "lock" : "unlock")} --email E");
            return 1;
        }

        await MigrateAsync(services);
        var userService = services.GetRequiredService<BackofficeUserService>();
        var id = await userService.FindIdByEmailAsync(email);
        if (id is null)
        {
            await error.WriteLineAsync("No user has that e-mail address.");
            return 1;
        }

        var result = lockUser
            ? await userService.LockAsync(UserChangeActor.CommandLine, id)
            : await userService.UnlockAsync(UserChangeActor.CommandLine, id);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(string.Join(" ", result.Errors));
            return 1;
        }

        await output.WriteLineAsync(lockUser ? $"Locked {email.Trim()}." : $"Unlocked {email.Trim()}.");
        return 0;
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    /// <summary>"--key value" pairs; null when an option has no value or an argument is not an option.</summary>
    private static Dictionary<string, string>? Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
