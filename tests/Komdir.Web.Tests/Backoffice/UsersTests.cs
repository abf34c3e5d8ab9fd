using System.Net;
using Komdir.Cms.Audit;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Users;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice;

public sealed class UsersTests(BackofficeSite factory) : IClassFixture<BackofficeSite>
{
    [Fact]
    public async Task Users_create_command_makes_a_user_who_can_sign_in_and_never_prints_the_password()
    {
        var email = $"cli-{Guid.NewGuid():N}@example.org";
        const string password = "a command line passphrase";
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await UserCommands.CreateAsync(factory.Services, ["--email", email, "--role", "editor", "--name", "Test"], new StringReader(password + "\n"), output, error);

        Assert.Equal(0, exit);
        Assert.DoesNotContain(password, output.ToString() + error.ToString());
        using var client = factory.CreateBrowserClient();
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(await factory.AuditEntriesAsync(AuditActions.UserChange), a => a.Actor == "kommandolinje" && a.Details!.Contains(email, StringComparison.Ordinal));

        var list = new StringWriter();
        Assert.Equal(0, await UserCommands.ListAsync(factory.Services, [], list, error));
        Assert.Contains($"{email}\t{BackofficeRoles.Editor}\tactive", list.ToString());
    }

    [Theory]
    [InlineData("short pass")]
    [InlineData("PERSON@example.org")]
    public async Task Users_create_refuses_a_short_password_or_the_users_own_address(string password)
    {
        var error = new StringWriter();

        var exit = await UserCommands.CreateAsync(factory.Services, ["--email", "person@example.org", "--role", "Writer", "--password", password], TextReader.Null, TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.DoesNotContain(password, error.ToString());
        Assert.Null(await factory.Services.GetRequiredService<BackofficeUserService>().FindIdByEmailAsync("person@example.org"));
    }

    [Fact]
    public async Task Users_create_refuses_an_unknown_role_and_missing_arguments()
    {
        Assert.Equal(1, await UserCommands.CreateAsync(factory.Services, ["--email", "x@example.org", "--role", "Owner", "--password", "long enough password"], TextReader.Null, TextWriter.Null, TextWriter.Null));
        Assert.Equal(1, await UserCommands.CreateAsync(factory.Services, ["--email"], TextReader.Null, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Users_lock_command_locks_the_account_and_unlock_opens_it()
    {
        var email = await factory.CreateUserAsync(BackofficeRoles.Writer);

        Assert.Equal(0, await UserCommands.LockAsync(factory.Services, ["--email", email], lockUser: true, TextWriter.Null, TextWriter.Null));
        using var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(email, BackofficeTestClient.Password)).StatusCode);

        Assert.Equal(0, await UserCommands.LockAsync(factory.Services, ["--email", email], lockUser: false, TextWriter.Null, TextWriter.Null));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, BackofficeTestClient.Password)).StatusCode);
        Assert.Equal(1, await UserCommands.LockAsync(factory.Services, ["--email", "nobody@example.org"], lockUser: true, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Only_a_current_administrator_may_change_users_and_never_their_own_account()
    {
        var users = factory.Services.GetRequiredService<BackofficeUserService>();
        var adminEmail = await factory.CreateUserAsync(BackofficeRoles.Administrator);
        var editorEmail = await factory.CreateUserAsync(BackofficeRoles.Editor);
        var targetEmail = await factory.CreateUserAsync(BackofficeRoles.Writer);
        var admin = await PrincipalAsync(adminEmail);
        var editor = await PrincipalAsync(editorEmail);
        var targetId = (await users.FindIdByEmailAsync(targetEmail))!;
        var adminId = (await users.FindIdByEmailAsync(adminEmail))!;

        Assert.False((await users.LockAsync(editor, targetId)).Succeeded);
        Assert.False((await users.CreateAsync(editor, "new@example.org", null, BackofficeRoles.Administrator, "long enough password")).Succeeded);
        Assert.False((await users.DeleteAsync(admin, adminId)).Succeeded);
        Assert.False((await users.ChangeRoleAsync(admin, adminId, BackofficeRoles.Writer)).Succeeded);

        Assert.True((await users.ChangeRoleAsync(admin, targetId, BackofficeRoles.Editor)).Succeeded);
        Assert.Equal(BackofficeRoles.Editor, (await users.ListAsync()).Single(u => u.Id == targetId).Role);
        Assert.True((await users.LockAsync(admin, targetId)).Succeeded);
        Assert.True((await users.ListAsync()).Single(u => u.Id == targetId).IsLockedOut);
        Assert.True((await users.UnlockAsync(admin, targetId)).Succeeded);
        Assert.True((await users.DeleteAsync(admin, targetId)).Succeeded);
        Assert.DoesNotContain(await users.ListAsync(), u => u.Id == targetId);

        var changes = (await factory.AuditEntriesAsync(AuditActions.UserChange)).Where(a => a.Actor == adminEmail).ToList();
        Assert.Equal(4, changes.Count);
    }

    [Fact]
    public async Task An_administrator_who_loses_the_role_can_no_longer_change_users()
    {
        var users = factory.Services.GetRequiredService<BackofficeUserService>();
        var firstEmail = await factory.CreateUserAsync(BackofficeRoles.Administrator);
        var secondEmail = await factory.CreateUserAsync(BackofficeRoles.Administrator);
        var second = await PrincipalAsync(secondEmail);
        var first = await PrincipalAsync(firstEmail);

        Assert.True((await users.ChangeRoleAsync(first, (await users.FindIdByEmailAsync(secondEmail))!, BackofficeRoles.Writer)).Succeeded);

        // The second's principal still says Administrator (as an open screen would), but the database does not.
        var refused = await users.LockAsync(second, (await users.FindIdByEmailAsync(firstEmail))!);
        Assert.False(refused.Succeeded);
        Assert.Contains("Kun administratorer", refused.Errors.Single());
    }

    private async Task<UserChangeActor> PrincipalAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var factoryPrincipal = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<BackofficeUser>>();
        return UserChangeActor.From(await factoryPrincipal.CreateAsync((await manager.FindByEmailAsync(email))!));
    }
}
