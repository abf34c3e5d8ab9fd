using Komdir.Cms.Users;
using Komdir.Web.Backoffice;
using Komdir.Web.Backoffice.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>An open interactive screen loses its user once the account is locked or re-roled.</summary>
public sealed class AuthenticationStateTests(BackofficeSite site) : IClassFixture<BackofficeSite>
{
    [Fact]
    public async Task A_circuits_user_stays_valid_until_locked_or_given_another_role()
    {
        var lockedEmail = await site.CreateUserAsync(BackofficeRoles.Editor);
        var reroledEmail = await site.CreateUserAsync(BackofficeRoles.Editor);
        var lockedPrincipal = await PrincipalAsync(lockedEmail);
        var reroledPrincipal = await PrincipalAsync(reroledEmail);
        var provider = new BackofficeAuthenticationStateProvider(
            NullLoggerFactory.Instance,
            site.Services.GetRequiredService<IServiceScopeFactory>(),
            site.Services.GetRequiredService<IOptions<IdentityOptions>>());
        var users = site.Services.GetRequiredService<BackofficeUserService>();

        Assert.True(await provider.IsStillValidAsync(lockedPrincipal));
        Assert.True(await provider.IsStillValidAsync(reroledPrincipal));

        await users.LockAsync(UserChangeActor.CommandLine, (await users.FindIdByEmailAsync(lockedEmail))!);
        await users.ChangeRoleAsync(UserChangeActor.CommandLine, (await users.FindIdByEmailAsync(reroledEmail))!, BackofficeRoles.Writer);

        Assert.False(await provider.IsStillValidAsync(lockedPrincipal));
        Assert.False(await provider.IsStillValidAsync(reroledPrincipal));
        Assert.True(await provider.IsStillValidAsync(await PrincipalAsync(reroledEmail)));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<BackofficeUser>>();
        return await principals.CreateAsync((await manager.FindByEmailAsync(email))!);
    }
}
