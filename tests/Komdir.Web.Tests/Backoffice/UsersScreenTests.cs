using System.Security.Claims;
using Bunit;
using Komdir.Cms.Users;
using Komdir.Web.Backoffice.Audit;
using Komdir.Web.Backoffice.Pages;
using Komdir.Web.Backoffice.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice;

/// <summary>The users screen rendered with bUnit over the real user service and database.</summary>
public sealed class UsersScreenTests(BackofficeSite site) : IClassFixture<BackofficeSite>
{
    [Fact]
    public async Task An_administrator_can_manage_others_but_not_their_own_account()
    {
        var adminEmail = await site.CreateUserAsync(BackofficeRoles.Administrator);
        var otherEmail = await site.CreateUserAsync(BackofficeRoles.Writer);
        var userService = site.Services.GetRequiredService<BackofficeUserService>();
        var adminId = (await userService.FindIdByEmailAsync(adminEmail))!;
        var otherId = (await userService.FindIdByEmailAsync(otherEmail))!;
        await using var context = NewContext(adminEmail, adminId);

        var screen = context.Render<UsersPage>();
        screen.WaitForAssertion(() => Assert.Contains(otherEmail, screen.Markup));

        var ownRow = screen.FindAll("tbody tr").Single(row => row.TextContent.Contains(adminEmail, StringComparison.Ordinal));
        Assert.Contains("(dig selv)", ownRow.TextContent);
        Assert.Empty(ownRow.QuerySelectorAll("select, button"));
        var otherRow = screen.FindAll("tbody tr").Single(row => row.TextContent.Contains(otherEmail, StringComparison.Ordinal));
        Assert.NotNull(otherRow.QuerySelector($"select#rolle-{otherId}"));

        screen.Find($"select#rolle-{otherId}").Change(BackofficeRoles.Editor);
        screen.WaitForAssertion(() => Assert.Contains("har nu rollen Redaktør", screen.Find("p[role=status]").TextContent));
        Assert.Equal(BackofficeRoles.Editor, (await userService.ListAsync()).Single(u => u.Id == otherId).Role);

        RowOf(screen, otherEmail).QuerySelectorAll("button").Single(b => b.TextContent == "Slet").Click();
        var confirm = RowOf(screen, otherEmail).QuerySelectorAll("button").Single(b => b.TextContent.StartsWith("Bekræft sletning", StringComparison.Ordinal));
        confirm.Click();
        screen.WaitForAssertion(() => Assert.DoesNotContain(otherEmail + "</td>", screen.Markup));
        Assert.Null(await userService.FindIdByEmailAsync(otherEmail));
    }

    [Fact]
    public async Task Creating_a_user_validates_in_Danish_and_keeps_what_was_typed()
    {
        var adminEmail = await site.CreateUserAsync(BackofficeRoles.Administrator);
        var adminId = (await site.Services.GetRequiredService<BackofficeUserService>().FindIdByEmailAsync(adminEmail))!;
        await using var context = NewContext(adminEmail, adminId);
        var screen = context.Render<UsersPage>();
        screen.WaitForElement("#ny-email");

        screen.Find("#ny-email").Change("ny-bruger@example.org");
        screen.Find("#ny-adgangskode").Change("kort");
        screen.Find("form").Submit();

        screen.WaitForAssertion(() => Assert.Contains("Adgangskoden skal være mindst 12 tegn.", screen.Markup));
        Assert.Equal("ny-bruger@example.org", screen.Find("#ny-email").GetAttribute("value"));
        Assert.Null(await site.Services.GetRequiredService<BackofficeUserService>().FindIdByEmailAsync("ny-bruger@example.org"));
    }

    /// <summary>The user's row, once the list has loaded it.</summary>
    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<UsersPage> screen, string email)
    {
        screen.WaitForAssertion(() => Assert.Contains(screen.FindAll("tbody tr"), row => row.TextContent.Contains(email, StringComparison.Ordinal)));
        return screen.FindAll("tbody tr").Single(row => row.TextContent.Contains(email, StringComparison.Ordinal));
    }

    private BunitContext NewContext(string email, string userId)
    {
        var context = new BunitContext();
        context.Services.AddSingleton(site.Services.GetRequiredService<BackofficeUserService>());
        context.Services.AddSingleton(site.Services.GetRequiredService<AuditLogQuery>());
        context.AddAuthorization()
            .SetAuthorized(email)
            .SetRoles(BackofficeRoles.Administrator)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return context;
    }
}
